package it.sportello.audit;

/** What a web adapter tells the audit trail about the request it answers. */
public final class AuditRequests {

  /**
   * Request attribute: the reason of a break-glass read that was needed and allowed (a read outside
   * the reader's need to know). The audit row of the request is flagged {@link
   * AuditEntry#BREAK_GLASS} with this reason.
   */
  public static final String BREAK_GLASS_REASON = AuditRequests.class.getName() + ".breakGlass";

  /** Request attribute: the request's changes are recorded in their own transaction already. */
  public static final String RECORDED = AuditRequests.class.getName() + ".recorded";

  private AuditRequests() {}
}
