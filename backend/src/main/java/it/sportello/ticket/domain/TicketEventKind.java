package it.sportello.ticket.domain;

/**
 * The steps of a ticket's path, kept for traceability (who did what, at which level, with which
 * office).
 */
public enum TicketEventKind {
  RECEIVED,
  CLASSIFIED,
  TAKEN_IN_CHARGE,
  ESCALATED_TO_LEVEL2,
  DATA_REQUESTED,
  REQUESTER_MESSAGE,
  REQUESTER_REMINDED,
  /** The SLA clock stopped: waiting for the requester (the service levels subtract the pause). */
  SLA_PAUSED,
  SLA_RESUMED,
  CALL_BACK_PLANNED,
  CALL_BACK_FAILED,
  /** A phone call was linked to the ticket by the operator who answered it. */
  CALL_LINKED,
  /**
   * The call the ticket belongs to was transferred (level 1 to level 2): the ticket went with it.
   */
  CALL_TRANSFERRED,
  /** A call-back attempt and its outcome. */
  CALL_BACK_ATTEMPTED,
  OFFICE_ASSIGNED,
  OFFICE_ANSWERED,
  OFFICE_REJECTED,
  REASSIGNED,
  RETURNED_TO_LEVEL2,
  TAKE_IN_CHARGE_OVERDUE,
  RESOLUTION_OVERDUE,
  SOLVED,
  CLOSED,
  CLOSED_FOR_NO_REPLY,
  DATA_INCOMPLETE,
  REPLY_SENT,
  CLOSED_DATA_INCOMPLETE,
  /** Linked to another ticket (detail: the other's number and the kind of link). */
  LINKED,
  /** A link to another ticket removed (detail: the other's number). */
  UNLINKED,
  /** This duplicate was merged into another ticket (detail: the primary's number). */
  MERGED_INTO,
  /** A duplicate was merged into this ticket (detail: the duplicate's number). */
  MERGED_IN,
  /** Closed as a duplicate through its process (after {@link #MERGED_INTO}). */
  CLOSED_AS_DUPLICATE,
  /** Queue, type, priority or category changed by an operator (detail: from → to, and why). */
  RECLASSIFIED,
  /** An internal note by staff: shown in the conversation, never sent to the requester. */
  NOTE_ADDED
}
