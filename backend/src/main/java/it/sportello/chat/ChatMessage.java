package it.sportello.chat;

import java.time.Instant;
import java.util.List;

/**
 * A message of a chat, numbered from 1 within its conversation.
 *
 * @param articles the knowledge-base articles a bot answer cites (else empty)
 */
public record ChatMessage(
    long seq,
    AuthorKind authorKind,
    String author,
    String body,
    List<CitedArticle> articles,
    Instant sentAt) {

  /** Who wrote a message. */
  public enum AuthorKind {
    CITIZEN,
    BOT,
    OPERATOR,
    /** The service itself: queue position, hand-off, closure. */
    SYSTEM
  }

  /** An article a bot answer cites, with its public page. */
  public record CitedArticle(long id, String title, String url) {}
}
