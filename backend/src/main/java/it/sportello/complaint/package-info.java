/**
 * Complaints and supply monitoring: reports of alleged breaches by suppliers (from a ticket, the
 * API or staff), the preliminary check, the formal notice by PEC with a deadline for
 * counter-arguments on the service calendar, the supplier's reply or the deadline passing, the
 * evaluation, the decision (archive or penalty) approved by the manager (four eyes, by document
 * hash), notification and closing; the searchable, exportable register of proceedings. The {@code
 * complaint} process drives it ({@code process}); {@code web} is the API.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "platform :: security",
      "approval",
      "casefile",
      "casefile :: web",
      "channel :: mail",
      "contact",
      "document",
      "platform :: process",
      "processes",
      "shared",
      "shared :: web",
      "sla",
      "worklist"
    })
package it.sportello.complaint;
