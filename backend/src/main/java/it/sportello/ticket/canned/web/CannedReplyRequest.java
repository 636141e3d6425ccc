package it.sportello.ticket.canned.web;

import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import it.sportello.ticket.canned.CannedReplyDraft;
import it.sportello.ticket.canned.CannedText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A canned reply as written by a user.
 *
 * @param title what the picker shows; required, at most 120 characters
 * @param shared for everyone (supervisors and knowledge-base editors only) or personal; on update
 *     ignored (a reply stays what it was)
 * @param queue the queue it is meant for; empty: every queue
 * @param bodies the text per language with placeholders; Italian required
 * @param version on update: the version the user edited
 */
record CannedReplyRequest(
    String title, Boolean shared, String queue, CannedReplyBodies bodies, Long version) {

  static final int MAX_TITLE = 120;
  static final int MAX_BODY = 4000;

  /** The body per language; those not written fall back to Italian. */
  record CannedReplyBodies(String it, String en, String de, String fr) {
    Map<String, String> byLanguage() {
      Map<String, String> bodies = new LinkedHashMap<>();
      bodies.put("it", it);
      bodies.put("en", en);
      bodies.put("de", de);
      bodies.put("fr", fr);
      return bodies;
    }
  }

  /** The draft, or 400 naming each bad field (unknown placeholders by name). */
  CannedReplyDraft validated(boolean update) {
    List<FieldViolation> violations = new ArrayList<>();
    if (title == null || title.isBlank()) {
      violations.add(new FieldViolation("title", "must not be blank"));
    } else if (title.strip().length() > MAX_TITLE) {
      violations.add(new FieldViolation("title", "at most " + MAX_TITLE + " characters"));
    }
    Map<String, String> written = new LinkedHashMap<>();
    Map<String, String> given = bodies == null ? Map.of() : bodies.byLanguage();
    for (String language : CannedText.LANGUAGES) {
      String body = given.get(language);
      String field = "bodies." + language;
      if (body == null || body.isBlank()) {
        if (language.equals("it")) {
          violations.add(new FieldViolation(field, "must not be blank"));
        }
        continue;
      }
      String text = body.strip();
      if (text.length() > MAX_BODY) {
        violations.add(new FieldViolation(field, "at most " + MAX_BODY + " characters"));
      }
      for (String unknown : CannedText.unknownPlaceholders(text)) {
        violations.add(
            new FieldViolation(
                field,
                "unknown placeholder {{"
                    + unknown
                    + "}}; known: "
                    + String.join(", ", CannedText.knownNames())));
      }
      written.put(language, text);
    }
    String scope = queue == null || queue.isBlank() ? null : queue.strip();
    if (scope != null && scope.length() > 50) {
      violations.add(new FieldViolation("queue", "at most 50 characters"));
    }
    if (update && version == null) {
      violations.add(new FieldViolation("version", "must not be null"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return new CannedReplyDraft(title.strip(), written, scope, Boolean.TRUE.equals(shared));
  }
}
