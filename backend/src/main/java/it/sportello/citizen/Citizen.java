package it.sportello.citizen;

/**
 * A citizen logged in with a digital identity: the fiscal code is the identity provider's, without
 * its {@code TINIT-} prefix; the e-mail counts as verified only when the provider says so.
 * Serializable: it lives in the HTTP session, which is kept in PostgreSQL (Spring Session JDBC).
 */
public record Citizen(
    String fiscalCode,
    String givenName,
    String familyName,
    String email,
    boolean emailVerified,
    IdentityScheme scheme,
    AssuranceLevel level)
    implements java.io.Serializable {}
