package it.sportello.channel.phone;

/** What the telephony platform tells us, whatever its protocol. */
public enum TelephonyEventKind {
  /**
   * The platform turned the call away before the welcome message: no free line (all channels or
   * queue places taken). It counts against the free-line service level (SLA.C.1).
   */
  CALL_REJECTED,
  /** A call entered a queue (and may be offered to an agent, {@code agent}). */
  CALL_OFFERED,
  /** An agent answered the call. */
  CALL_ANSWERED,
  /** The call moved to another agent ({@code toAgent}) or queue ({@code toQueue}). */
  CALL_TRANSFERRED,
  /** The call ended (an unanswered call that ends is lost). */
  CALL_ENDED,
  /** The caller hung up while queued. */
  CALL_ABANDONED,
  /** The caller left a voicemail message (out of hours, or queues full). */
  VOICEMAIL_LEFT,
  /** A recording of the call is available on the recording platform. */
  RECORDING_AVAILABLE,
  /**
   * An agent ({@code agent}) changed state in the ACD ({@code agentState}, optionally in {@code
   * queue}); no call id needed.
   */
  AGENT_STATE
}
