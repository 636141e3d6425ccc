/**
 * The contact channels (e-mail and PEC, phone, web, …): adapters that turn what arrives on a
 * channel into contacts, interactions and tickets, and deliver what we send.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "platform :: process",
      "platform :: events",
      "platform :: security",
      "contact",
      "document",
      "kb",
      "notification",
      "processes",
      "shared",
      "shared :: web",
      "sla",
      "ticket",
      "ticket :: application",
      "ticket :: domain",
      "worklist"
    })
package it.sportello.channel;
