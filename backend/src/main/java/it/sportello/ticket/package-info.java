/**
 * Service requests ("richieste di servizio"): intake from any channel, classification, the work of
 * levels 1, 2 and 3 and of the administration's offices, waiting for the requester, SLA escalations
 * and closure. The lifecycle runs as the BPMN process {@code ticket}; the data live in our tables
 * ({@code domain}), the use cases in {@code application}, the engine adapters and delegates in
 * {@code process}, the REST API in {@code web}.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "audit",
      "contact",
      "document",
      "kb",
      "notification",
      "platform :: process",
      "platform :: security",
      "processes",
      "search",
      "shared",
      "shared :: web",
      "sla",
      "worklist"
    })
package it.sportello.ticket;
