package it.sportello.document;

/** How the text extraction of a document went; the document is stored whatever the outcome. */
public enum ExtractionStatus {
  /** All the text was extracted (possibly none, as for a picture). */
  OK,
  /** Text extracted up to the character limit, the rest left out. */
  TRUNCATED,
  /** The file is larger than the extraction limit: not read. */
  TOO_LARGE,
  /**
   * A safety limit stopped the extraction: suspected zip bomb, embedded documents nested too deep
   * or too many; the text found until then is kept.
   */
  LIMIT_EXCEEDED,
  /** Protected by a password. */
  ENCRYPTED,
  /** Damaged or not what its type says. */
  CORRUPT,
  /** A format we cannot read text from. */
  UNSUPPORTED,
  /** The extraction took longer than allowed. */
  TIMEOUT,
  /** Any other failure; the message says what. */
  FAILED
}
