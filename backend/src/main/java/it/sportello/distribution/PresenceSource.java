package it.sportello.distribution;

/** Who moved an operator's presence. */
public enum PresenceSource {
  /** The operator, in the application. */
  OPERATOR,
  /** The work itself: capacity reached, or freed again. */
  WORK,
  /** The telephony platform's agent state. */
  TELEPHONY,
  /** The application: offers left unanswered. */
  SYSTEM
}
