package it.sportello.ticket.domain;

public enum Outcome {
  SOLVED,
  CLOSED_FOR_NO_REPLY,
  /** The requester replied, but the data are still incomplete: invited to call instead. */
  CLOSED_DATA_INCOMPLETE,
  /** Closed as a duplicate of another ticket of the same requester (merged into it). */
  DUPLICATE
}
