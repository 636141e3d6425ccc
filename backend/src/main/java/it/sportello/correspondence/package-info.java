/**
 * Correspondence: incoming and outgoing letters with a protocol number per year, correspondent from
 * the contact registry, documents by version, the answer drafted by the office, reviewed by the
 * head of office and signed by the manager (four-eyes approvals by document hash), sent by e-mail,
 * PEC or post, archived; deadlines on the service calendar. The {@code correspondence} process
 * drives it ({@code process}); {@code web} is the API.
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
package it.sportello.correspondence;
