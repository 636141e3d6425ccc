package it.sportello.citizen.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import it.sportello.citizen.CitizenOidcProperties;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A stand-in for a SPID/CIE gateway inside the demo (default profile only, {@code
 * sportello.citizen.demo-idp.enabled}): a page to choose a demo citizen and the way they log in
 * (SPID level 1, 2 or 3, or CIE), a token endpoint issuing ID tokens with the claims a gateway
 * sends ({@code fiscalNumber} with {@code TINIT-}, names, e-mail, {@code acr}, {@code amr}), its
 * keys and an end-session endpoint. Keys live in memory: a restart logs everybody out. Never for
 * production.
 */
@RestController
@RequestMapping("/citizen/demo-idp")
@ConditionalOnProperty(name = "sportello.citizen.demo-idp.enabled", havingValue = "true")
class DemoIdentityProvider {

  private static final List<String> WAYS = List.of("SpidL1", "SpidL2", "SpidL3", "CIE");

  private final CitizenOidcProperties properties;
  private final Clock clock;
  private final RSAKey key;
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();

  private record Grant(DemoCitizen citizen, String way, String nonce, Instant expires) {}

  DemoIdentityProvider(CitizenOidcProperties properties, Clock clock) throws JOSEException {
    this.properties = properties;
    this.clock = clock;
    this.key = new RSAKeyGenerator(2048).keyID("demo").generate();
  }

  @GetMapping(value = "/authorize", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> authorize(
      @RequestParam("redirect_uri") String redirectUri,
      @RequestParam String state,
      @RequestParam(required = false) String nonce) {
    if (!URI.create(redirectUri).getPath().startsWith("/citizen/login/oauth2/code/")) {
      return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("redirect_uri");
    }
    StringBuilder html =
        new StringBuilder(
            """
            <!doctype html><html lang="it"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Identity provider dimostrativo (SPID / CIE)</title>
            <style>body{font-family:sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}
            a{display:inline-block;margin:.25rem .5rem .25rem 0;padding:.5rem .75rem;background:#0066cc;
            color:#fff;text-decoration:none;border-radius:4px}a:focus{outline:3px solid #f90}</style>
            </head><body><main><h1>Identity provider dimostrativo</h1>
            <p>Solo per la demo: scegli il cittadino e il modo di accesso (SPID livello 1, 2, 3 o CIE).
            <span lang="en">Demo only: choose the citizen and the way to log in.</span></p>
            """);
    for (DemoCitizen citizen : DemoCitizen.ALL) {
      html.append("<h2>")
          .append(HtmlUtils.htmlEscape(citizen.givenName() + " " + citizen.familyName()))
          .append(" <small>")
          .append(citizen.fiscalCode())
          .append("</small></h2><p>");
      for (String way : WAYS) {
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(citizen, way, nonce, clock.instant().plusSeconds(600)));
        String back =
            UriComponentsBuilder.fromUriString(redirectUri)
                .queryParam("code", code)
                .queryParam("state", state)
                .encode()
                .toUriString();
        html.append("<a href=\"")
            .append(HtmlUtils.htmlEscape(back))
            .append("\">")
            .append(way.equals("CIE") ? "CIE" : "SPID livello " + way.charAt(way.length() - 1))
            .append("</a>");
      }
      html.append("</p>");
    }
    html.append("</main></body></html>");
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html.toString());
  }

  @PostMapping(value = "/token", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> token(@RequestParam String code) throws JOSEException {
    Grant grant = codes.remove(code);
    if (grant == null || grant.expires().isBefore(clock.instant())) {
      return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", "invalid_grant"));
    }
    DemoCitizen citizen = grant.citizen();
    boolean cie = grant.way().equals("CIE");
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(properties.issuer().toString())
            .subject("demo-" + citizen.key())
            .audience(properties.clientId())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .claim("fiscalNumber", "TINIT-" + citizen.fiscalCode())
            .claim("given_name", citizen.givenName())
            .claim("family_name", citizen.familyName())
            .claim("email", citizen.email())
            .claim("email_verified", true)
            .claim("acr", "https://www.spid.gov.it/" + (cie ? "SpidL3" : grant.way()))
            .claim("amr", List.of(cie ? "cie" : "spid"));
    if (grant.nonce() != null) {
      claims.claim("nonce", grant.nonce());
    }
    SignedJWT idToken =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("demo").build(), claims.build());
    idToken.sign(new RSASSASigner(key));
    return ResponseEntity.ok(
        Map.of(
            "access_token",
            UUID.randomUUID().toString(),
            "token_type",
            "Bearer",
            "expires_in",
            300,
            "scope",
            "openid profile email",
            "id_token",
            idToken.serialize()));
  }

  @GetMapping(value = "/certs", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> certs() {
    return new JWKSet(key.toPublicJWK()).toJSONObject();
  }

  /** The provider's side of the logout: nothing to end here but the page; back to the area. */
  @GetMapping("/logout")
  ResponseEntity<Void> logout(
      @RequestParam(name = "post_logout_redirect_uri", required = false) String back) {
    String target =
        back != null && URI.create(back).getPath().equals("/self-service/area")
            ? back
            : "/self-service/area";
    return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(target)).build();
  }
}
