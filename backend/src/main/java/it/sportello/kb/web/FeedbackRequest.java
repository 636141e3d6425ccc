package it.sportello.kb.web;

import it.sportello.kb.KbUsage;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * A reader's opinion on an article: did it help, and optionally why not.
 *
 * @param helpful required
 * @param comment at most {@value KbUsage#MAX_COMMENT} characters
 */
record FeedbackRequest(Boolean helpful, String comment) {

  /** The opinion, or 400 naming each bad field. */
  FeedbackRequest validated() {
    List<FieldViolation> violations = new ArrayList<>();
    if (helpful == null) {
      violations.add(new FieldViolation("helpful", "must be true or false"));
    }
    if (comment != null && comment.strip().length() > KbUsage.MAX_COMMENT) {
      violations.add(
          new FieldViolation("comment", "at most " + KbUsage.MAX_COMMENT + " characters"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return this;
  }
}
