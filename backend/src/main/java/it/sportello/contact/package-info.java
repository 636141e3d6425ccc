/**
 * The contact registry (citizens, businesses, administrations), de-duplicated on fiscal code, VAT
 * number and e-mail, and the interaction log: every contact on any channel, forming the requester's
 * history.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"platform :: security", "shared", "shared :: web"})
package it.sportello.contact;
