package it.sportello.sla;

/** Where one SLA target of a ticket stands. */
public enum SlaState {
  /** Open, with more than the at-risk share of its working time left. */
  ON_TRACK,
  /** Open, with little working time left: act now. */
  AT_RISK,
  /** Open and past its deadline. */
  BREACHED,
  /** The clock is stopped while the ticket waits for the requester. */
  PAUSED,
  /** Reached in time. */
  MET,
  /** Reached, but late. */
  MISSED
}
