package it.sportello.channel.mail.pec;

/** A message that says it is PEC but does not have the shape of one. */
public class PecFormatException extends RuntimeException {

  public PecFormatException(String message) {
    super(message);
  }

  public PecFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
