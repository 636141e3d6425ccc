package it.sportello.channel.phone;

/** How a call ended, for the phone service levels (SLA.C.1–3). */
public enum CallOutcome {
  /** An agent answered. */
  ANSWERED,
  /** The caller hung up while queued. */
  ABANDONED,
  /** Lost: the call ended without an answer and without the caller hanging up in queue. */
  UNANSWERED,
  /** Turned away by the platform: the line was busy (no place in the queues). */
  BUSY
}
