package it.sportello.notification;

/**
 * What a notification in the application is about. The web application renders each with its
 * parameters in the reader's language.
 */
public enum AppNotificationKind {
  /** The requester wrote on the ticket (a mail reply, a message through an API client). */
  REQUESTER_REPLIED,
  /** Someone handed a task of the ticket to the recipient. */
  ASSIGNED,
  /** The take-in-charge deadline is near (the SLA module's at-risk share of the window used). */
  TAKE_IN_CHARGE_AT_RISK,
  /** The resolution deadline is near. */
  RESOLUTION_AT_RISK,
  /** The take-in-charge deadline passed: the ticket was escalated to the supervisors. */
  TAKE_IN_CHARGE_OVERDUE,
  /** The resolution deadline passed: the ticket was escalated to the supervisors. */
  RESOLUTION_OVERDUE,
  /**
   * The nightly verification found the audit trail's hash chain broken (params: {@code seq}, the
   * first bad row); for the administrators, about no ticket.
   */
  AUDIT_CHAIN_BROKEN,
  /**
   * A data subject's request nears its legal deadline (params: {@code request}, {@code dueAt}); for
   * the data protection officers, about no ticket.
   */
  DATA_SUBJECT_REQUEST_DUE_SOON,
  /** A data subject's request passed its legal deadline unanswered (params as above). */
  DATA_SUBJECT_REQUEST_OVERDUE
}
