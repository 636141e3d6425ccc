package it.sportello.citizen.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import it.sportello.citizen.AssuranceLevel;
import it.sportello.citizen.Citizen;
import it.sportello.citizen.CitizenClaims;
import it.sportello.citizen.CitizenOidcProperties;
import it.sportello.citizen.IdentityScheme;
import java.net.URI;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** The demo's identity provider issues tokens the citizens' relying party accepts. */
class DemoIdentityProviderTest {

  private final CitizenOidcProperties properties =
      new CitizenOidcProperties(
          null,
          null,
          URI.create("http://localhost:8080/citizen/demo-idp"),
          "sportello-demo",
          "demo",
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null);

  @Test
  void theChosenDemoCitizenAndLevelComeBackAsAVerifiableIdTokenWithTheNonce() throws Exception {
    DemoIdentityProvider provider = new DemoIdentityProvider(properties, Clock.systemUTC());
    ResponseEntity<String> page =
        provider.authorize(
            "http://localhost:8080/citizen/login/oauth2/code/citizen", "state-1", "nonce-1");
    assertThat(page.getBody()).contains("Maria Rossi", "RSSMRA80A41H501U", "SPID livello 2", "CIE");
    // the links in page order: Maria Rossi's SPID L1, L2, L3, CIE, then the next citizen's
    Matcher codes =
        Pattern.compile("code=([0-9a-f-]{36})&amp;state=state-1").matcher(page.getBody());
    assertThat(codes.find()).isTrue();
    assertThat(codes.find()).isTrue();
    String spidLevel2 = codes.group(1);

    String idToken = (String) provider.token(spidLevel2).getBody().get("id_token");
    SignedJWT jwt = SignedJWT.parse(idToken);
    RSAKey key = (RSAKey) JWKSet.parse(provider.certs()).getKeyByKeyId("demo");
    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    assertThat(jwt.getJWTClaimsSet().getStringClaim("nonce")).isEqualTo("nonce-1");
    assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("sportello-demo");

    Citizen citizen =
        new CitizenClaims(properties.claims()).citizen(jwt.getJWTClaimsSet().getClaims());
    assertThat(citizen.fiscalCode()).isEqualTo("RSSMRA80A41H501U");
    assertThat(citizen.scheme()).isEqualTo(IdentityScheme.SPID);
    assertThat(citizen.level()).isEqualTo(AssuranceLevel.L2);
    // a code is good once
    assertThat(provider.token(spidLevel2).getStatusCode().is4xxClientError()).isTrue();
  }

  @Test
  void itSendsTheBrowserOnlyBackToTheCitizensLoginCallback() throws Exception {
    DemoIdentityProvider provider = new DemoIdentityProvider(properties, Clock.systemUTC());
    assertThat(
            provider.authorize("https://elsewhere.example/steal", "s", "n").getStatusCode().value())
        .isEqualTo(400);
  }
}
