/**
 * Service levels and reports: the contract's SLA definitions ({@code sportello.reporting.*}), the
 * monthly SLA report computed from the tickets' own timestamps on the service calendar of {@code
 * sla}, with the per-ticket result (met, missed, excluded with a reason) behind every figure, and
 * its exports (Excel, CSV), the activity report and the knowledge base usage report. Reads our
 * tables only, never the engine's history.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "platform :: security",
      "channel :: mail",
      "distribution",
      "shared",
      "shared :: web",
      "sla",
      "survey",
      "ticket :: domain"
    })
package it.sportello.reporting;
