package it.sportello.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A notice of the board. {@code title} and {@code body} are per language code; Italian is always
 * there, the other languages fall back to it.
 */
public record Notice(
    long id,
    String topic,
    Audience audience,
    Kind kind,
    Map<String, String> title,
    Map<String, String> body,
    Instant validFrom,
    Instant validTo,
    LocalDate deadline,
    Status status,
    String createdBy,
    Instant createdAt,
    String updatedBy,
    Instant updatedAt,
    String publishedBy,
    Instant publishedAt,
    String withdrawnBy,
    Instant withdrawnAt) {

  public enum Audience {
    CITIZENS,
    BUSINESSES,
    ALL
  }

  public enum Kind {
    DEADLINE,
    OUTAGE,
    INFORMATION
  }

  public enum Status {
    DRAFT,
    PUBLISHED,
    WITHDRAWN
  }

  /** The text in this language, else the Italian one. */
  public static String in(Map<String, String> texts, String language) {
    String text = language == null ? null : texts.get(language);
    return text == null || text.isBlank() ? texts.get("it") : text;
  }

  /** Published and valid at this instant. */
  public boolean currentAt(Instant at) {
    return status == Status.PUBLISHED
        && !validFrom.isAfter(at)
        && (validTo == null || validTo.isAfter(at));
  }
}
