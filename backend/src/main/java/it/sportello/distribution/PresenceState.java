package it.sportello.distribution;

/** An operator's presence: only AVAILABLE operators are offered work. */
public enum PresenceState {
  AVAILABLE,
  /** Set by the work itself (a call, work up to the capacity), never by the operator. */
  BUSY,
  /** With a reason from the configured list. */
  PAUSED,
  OFFLINE
}
