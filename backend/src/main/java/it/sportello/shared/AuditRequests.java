package it.sportello.shared;

/** What a web adapter tells the audit trail about the request it answers. */
public final class AuditRequests {

  /**
   * Request attribute: the reason of a break-glass read that was needed and allowed (a read outside
   * the reader's need to know). The audit row of the request is flagged {@code BREAK_GLASS} with
   * this reason.
   */
  public static final String BREAK_GLASS_REASON = AuditRequests.class.getName() + ".breakGlass";

  /**
   * Request attribute: the user logged in to Camunda's webapps (their own session), for requests to
   * {@code /camunda/api/...} that carry no Spring Security login.
   */
  public static final String WEBAPP_USER = AuditRequests.class.getName() + ".webappUser";

  private AuditRequests() {}
}
