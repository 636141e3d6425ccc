/**
 * Outage and degradation alerts (issue 25 item 8): {@link
 * it.sportello.monitoring.DependencyWatcher} reads every health indicator each minute (PostgreSQL,
 * the search engine, each mailbox, the telephony platform, the job executor) and, when one has
 * stayed down or degraded for the grace of {@code sportello.alerts.grace-checks} checks, records
 * the change and tells the configured contacts through every {@link
 * it.sportello.monitoring.AlertChannel} (e-mail through the outbox), once per change, and again
 * when it recovers. The job executor's indicator and gauges read the engine, so they live in {@code
 * process}.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"channel :: mail", "notification"})
package it.sportello.monitoring;
