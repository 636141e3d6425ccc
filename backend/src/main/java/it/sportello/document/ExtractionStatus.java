package it.sportello.document;

/** How the text extraction of a document went; the document is stored whatever the outcome. */
public enum ExtractionStatus {
  /** All the text was extracted. */
  OK,
  /**
   * Read without error, but no text came out of it: a picture or a scanned PDF where OCR found no
   * words (or OCR is off or not installed), a detached signature, a document with no words. The
   * rule: fewer than {@link TextExtractor#MIN_LETTERS_OR_DIGITS} letters or digits once read. Sound
   * and video are never {@code NO_TEXT}, an empty file is {@code OK}.
   */
  NO_TEXT,
  /** Text extracted up to the character limit, the rest left out. */
  TRUNCATED,
  /** The file is larger than the extraction limit: not read. */
  TOO_LARGE,
  /**
   * A safety limit stopped the extraction: suspected zip bomb (the archive expands to more than the
   * total size or ratio allowed), embedded documents nested too deep or too many; the text found
   * until then is kept.
   */
  LIMIT_EXCEEDED,
  /**
   * Protected by a password or encrypted for its recipients (an enveloped {@code .p7m}); also an
   * archive with an encrypted entry, whose other entries are read (the message names the entry).
   */
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
