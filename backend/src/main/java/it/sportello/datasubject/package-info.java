/**
 * The data subject's rights (issue 25 item 3): a person found by fiscal code, e-mail or phone; the
 * access export (a zip of JSON per kind of data with the original files, produced in the background
 * with its progress) and the erasure or anonymisation that keeps what the law requires, saying why
 * for each kept item; both tracked by the {@code data-subject-request} procedure with the legal
 * deadline of one month on the service calendar. The module reads and writes the other modules'
 * tables by SQL on purpose (ADR 17): it must reach every table that holds personal data, and {@code
 * DataSubjectRequestsIT} checks every text column of every table after an erasure.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "audit",
      "notification",
      "platform :: process",
      "platform :: security",
      "processes",
      "shared",
      "shared :: web",
      "sla",
      "worklist"
    })
package it.sportello.datasubject;
