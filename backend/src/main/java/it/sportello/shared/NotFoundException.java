package it.sportello.shared;

/** The resource named by the request does not exist. Answered with 404. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
