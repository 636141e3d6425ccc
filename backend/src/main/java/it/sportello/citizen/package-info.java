/**
 * Citizens' self-service with a digital identity (SPID, CIE): who the citizen is, from the claims
 * of the OIDC relying party's ID token ({@link it.sportello.citizen.CitizenClaims}), and their
 * personal area ({@link it.sportello.citizen.CitizenRequests}): their requests on every channel
 * matched by fiscal code, the steps the citizen may see, their contacts, and their reply to a
 * request waiting for them, which takes the same path as a reply by mail. The security chain that
 * logs citizens in lives in {@code platform.security}; citizens are never users of the engine.
 * Their reminders ({@link it.sportello.citizen.Reminders}): answers due and notices' deadlines.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "contact",
      "document",
      "notice",
      "notification",
      "platform :: security",
      "shared",
      "shared :: web",
      "sla",
      "ticket :: application",
      "ticket :: domain"
    })
package it.sportello.citizen;
