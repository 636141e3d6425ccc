package it.sportello.channel.phone;

/**
 * The telephony platform as Sportello uses it: outbound calls (call-backs). Inbound events arrive
 * through {@link PhoneEvents}. One driver is active: Asterisk when configured, else none (the
 * operator dials and records the outcome).
 */
public interface TelephonyPort {

  /** Places a call from the agent's extension to {@code number}; safe to call again on retry. */
  OriginateResult originate(OriginateRequest request);

  /** The driver's name, for the attempts' record. */
  String name();

  /**
   * @param reference identifies the attempt on the platform (idempotency)
   */
  record OriginateRequest(String reference, String number, String agent, String ticketNumber) {}

  record OriginateResult(Status status, String platformId, String message) {

    public enum Status {
      /** The platform is placing the call. */
      ORIGINATED,
      /** No telephony platform connected: the operator dials by hand. */
      MANUAL,
      /** The platform refused or failed. */
      FAILED
    }
  }
}
