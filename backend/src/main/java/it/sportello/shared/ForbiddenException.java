package it.sportello.shared;

/**
 * The caller is known and the resource exists, but they may not have it (e.g. outside their need to
 * know). Answered with 403.
 */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
