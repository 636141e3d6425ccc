/**
 * The audit trail (issue 25): an append-only, hash-chained record of who read which personal data
 * (tickets, contacts, history, documents, mails, calls, exports), of changes, logins, logouts and
 * failures, grants and revocations, deployments and administrative actions on the engine; its
 * verification (on demand and nightly, with an alert to the administrators) and its search by the
 * data protection officer and the auditor. The root package is the module's API: {@link AuditLog}
 * and {@link AuditEntry}.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "notification",
      "platform :: security",
      "shared",
      "shared :: web",
      "sla"
    })
package it.sportello.audit;
