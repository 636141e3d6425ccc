package it.sportello.shared;

/** The content sent is larger than we accept. Answered with 413, naming the limit. */
public class TooLargeException extends RuntimeException {

  private final long maxBytes;

  public TooLargeException(String message, long maxBytes) {
    super(message);
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }
}
