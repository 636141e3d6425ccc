/**
 * Retention (issue 25 item 4): a configured period per kind of data ({@code
 * sportello.retention.periods.*}), a nightly job that deletes or anonymises what is past it in
 * bounded batches on one node at a time, with a count per kind in the audit trail, and a dry-run
 * report of what the next run would remove. The kinds are {@link
 * it.sportello.shared.RetentionTask}s: the ones over the ticket, contact, mail, document and web
 * tables live here, the recordings' in the phone channel, the engine history's in {@code process}.
 * Open tickets, complaints under proceeding and the protocol register are never removed.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"audit", "shared", "sla", "platform :: security"})
package it.sportello.retention;
