package it.sportello.citizen;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The citizens' OIDC relying party ({@code sportello.citizen.oidc.*}): the SPID/CIE gateway or the
 * OIDC federation's provider, the claims that carry the citizen's identity and the minimum level of
 * assurance of each action. Without a client id no citizen can log in (the area answers 401).
 *
 * @param issuer the provider's issuer; when the endpoints below are not given they are discovered
 *     from its {@code /.well-known/openid-configuration} at start
 * @param endSessionUri the provider's end-session endpoint (RP-initiated logout); discovered too
 * @param postLogoutRedirectUri where the provider sends the citizen after logout ({@code {baseUrl}}
 *     is this application)
 */
@ConfigurationProperties("sportello.citizen.oidc")
public record CitizenOidcProperties(
    String registrationId,
    String clientName,
    URI issuer,
    String clientId,
    String clientSecret,
    List<String> scopes,
    URI authorizationUri,
    URI tokenUri,
    URI jwkSetUri,
    URI endSessionUri,
    String postLogoutRedirectUri,
    Claims claims,
    MinimumLevel minimumLevel) {

  public CitizenOidcProperties {
    registrationId = registrationId == null ? "citizen" : registrationId;
    clientName = clientName == null ? "SPID / CIE" : clientName;
    scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : scopes;
    postLogoutRedirectUri =
        postLogoutRedirectUri == null ? "{baseUrl}/self-service/area" : postLogoutRedirectUri;
    claims = claims == null ? new Claims(null, null, null, null, null, null, null) : claims;
    minimumLevel = minimumLevel == null ? new MinimumLevel(null, null) : minimumLevel;
  }

  public boolean configured() {
    return clientId != null && !clientId.isBlank();
  }

  /**
   * Claim names, each list tried in order: the first present wins.
   *
   * @param fiscalCode SPID gateways send {@code fiscalNumber} ({@code TINIT-} + fiscal code), the
   *     OIDC federation {@code https://attributes.eid.gov.it/fiscal_number}; a plain fiscal code is
   *     accepted as well
   * @param level the authentication context ({@code acr}: {@code https://www.spid.gov.it/SpidL2})
   * @param scheme a claim whose value (or one of whose values) contains {@code cie} for a CIE login
   */
  public record Claims(
      List<String> fiscalCode,
      List<String> givenName,
      List<String> familyName,
      String email,
      String emailVerified,
      String level,
      String scheme) {

    public Claims {
      fiscalCode =
          fiscalCode == null || fiscalCode.isEmpty()
              ? List.of(
                  "fiscalNumber",
                  "https://attributes.eid.gov.it/fiscal_number",
                  "fiscal_code",
                  "fiscalCode")
              : fiscalCode;
      givenName =
          givenName == null || givenName.isEmpty() ? List.of("given_name", "name") : givenName;
      familyName =
          familyName == null || familyName.isEmpty()
              ? List.of("family_name", "familyName")
              : familyName;
      email = email == null ? "email" : email;
      emailVerified = emailVerified == null ? "email_verified" : emailVerified;
      level = level == null ? "acr" : level;
      scheme = scheme == null ? "amr" : scheme;
    }
  }

  /**
   * The lowest level of assurance for each action (default: level 2 for both, as for personal
   * data).
   */
  public record MinimumLevel(AssuranceLevel read, AssuranceLevel reply) {
    public MinimumLevel {
      read = read == null ? AssuranceLevel.L2 : read;
      reply = reply == null ? AssuranceLevel.L2 : reply;
    }
  }
}
