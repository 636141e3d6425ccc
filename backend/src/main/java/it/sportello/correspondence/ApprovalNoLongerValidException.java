package it.sportello.correspondence;

/** The answer to send is not the one approved: its bytes changed since, or approval is missing. */
public class ApprovalNoLongerValidException extends RuntimeException {

  public ApprovalNoLongerValidException(String message) {
    super(message);
  }
}
