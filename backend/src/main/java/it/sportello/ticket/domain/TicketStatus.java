package it.sportello.ticket.domain;

public enum TicketStatus {
  /** Registered, not yet classified. */
  NEW,
  /** Classified and queued at level 1, not yet taken in charge. */
  OPEN,
  IN_PROGRESS,
  /** Waiting for data from the requester: the SLA clock is paused. */
  WAITING_FOR_REQUESTER,
  /** An office of the administration has been involved. */
  WAITING_FOR_OFFICE,
  CLOSED
}
