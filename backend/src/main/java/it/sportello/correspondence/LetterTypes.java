package it.sportello.correspondence;

/** The small vocabularies of letters. */
public final class LetterTypes {

  /** Whether the letter came in (registered by the secretariat) or goes out. */
  public enum Direction {
    INCOMING,
    OUTGOING
  }

  /** How the answer leaves. */
  public enum SendBy {
    EMAIL,
    PEC,
    POST
  }

  public enum Status {
    REGISTERED,
    IN_APPROVAL,
    SENT,
    ARCHIVED
  }

  /** Document roles of a letter's case file. */
  public static final String ORIGINAL = "ORIGINAL";

  public static final String REPLY = "REPLY";
  public static final String ATTACHMENT = "ATTACHMENT";

  /** Approval steps. */
  public static final String REVIEW = "REVIEW";

  public static final String SIGNATURE = "SIGNATURE";

  private LetterTypes() {}
}
