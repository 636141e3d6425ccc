package it.sportello.shared;

/**
 * The request is well-formed but conflicts with the current state (task claimed by someone else,
 * idempotency key reused for a different request). Answered with {@link #status()}.
 */
public class ConflictException extends RuntimeException {

  private final int status;

  public ConflictException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
