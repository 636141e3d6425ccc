package it.sportello.ticket.canned;

import java.util.Map;

/**
 * What a user writes of a canned reply, already checked for shape (lengths, known placeholders).
 *
 * @param bodies by language ({@link CannedText#LANGUAGES}); Italian required, blank ones left out
 * @param queue the queue it is meant for; null: every queue
 */
public record CannedReplyDraft(
    String title, Map<String, String> bodies, String queue, boolean shared) {

  public CannedReplyDraft {
    bodies = Map.copyOf(bodies);
  }
}
