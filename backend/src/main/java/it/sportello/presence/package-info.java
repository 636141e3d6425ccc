/**
 * Presence: who has a ticket (or any business object with a number) open right now and whether they
 * are replying, so that a second worker is warned before typing. Heartbeats renew a row with an
 * expiry in a table every application node shares.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "platform :: security",
      "shared",
      "ticket",
      "ticket :: application",
      "worklist"
    })
package it.sportello.presence;
