/**
 * Questionnaires and surveys (issue 23 items 1, 3, 4): questionnaires are form-js schemas kept in
 * our tables with a version per save (one schema per language, same question keys); the
 * satisfaction survey after a closed ticket runs as the BPMN process {@code satisfaction-survey}
 * (personal link by e-mail, one answer per ticket, a low score opens the supervisors' follow-up);
 * answers are stored per question with the questionnaire's version; opt-outs (the do-not-contact
 * list) are honoured by every later send. The use cases live here, the engine adapters and
 * delegates in {@code process}, the REST API in {@code web}. Outbound campaigns (items 2, 5, 6, ADR
 * 0027: CATI, CAWI, WEB) are worked in waves by the {@code campaign} process from our recipient
 * table, on the same invitations, answers and opt-outs.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "channel :: mail",
      "contact",
      "notification",
      "platform :: process",
      "platform :: security",
      "processes",
      "shared",
      "shared :: web",
      "sla",
      "ticket",
      "ticket :: domain",
      "worklist"
    })
package it.sportello.survey;
