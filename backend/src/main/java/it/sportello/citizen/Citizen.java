package it.sportello.citizen;

/**
 * A citizen logged in with a digital identity: the fiscal code is the identity provider's, without
 * its {@code TINIT-} prefix; the e-mail counts as verified only when the provider says so.
 */
public record Citizen(
    String fiscalCode,
    String givenName,
    String familyName,
    String email,
    boolean emailVerified,
    IdentityScheme scheme,
    AssuranceLevel level) {}
