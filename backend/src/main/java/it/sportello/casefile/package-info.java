/**
 * The case file of the formal procedures (letters, complaints): per-year gapless numbers, the
 * documents by role and version ({@link it.sportello.casefile.CaseDocuments}), the timeline of
 * every step, document, deadline and decision ({@link it.sportello.casefile.Timeline}) and
 * deadlines in working days on the service calendar ({@link it.sportello.casefile.WorkingDays}).
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "document",
      "platform :: security",
      "shared",
      "shared :: web",
      "sla",
      "worklist"
    })
package it.sportello.casefile;
