package it.sportello.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import it.sportello.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Who may do what: Basic and OIDC bearer tokens, 401 without credentials, 403 for the wrong role.
 */
class SecurityIT extends IntegrationTest {

  @Test
  void noCredentialsAnswer401ProblemDetails() {
    ResponseEntity<JsonNode> response =
        post("/api/tickets", null, ticketRequest(fiscalCode(), "Anonimo"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
        .as("API clients send their credentials unasked; browsers must get no Basic challenge")
        .startsWith("Bearer");
  }

  @Test
  void unknownUserAnswers401() {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("nobody", "demo");
    ResponseEntity<JsonNode> response =
        rest.exchange("/api/tickets", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void wrongRoleAnswers403() {
    ResponseEntity<JsonNode> response =
        post("/api/tickets", "kbeditor", ticketRequest(fiscalCode(), "Redattore"));

    assertThat(response.getStatusCode()).as(response.toString()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(get("/api/contacts/1/history", "api-client").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void healthIsOpenButTheEngineRestApiIsNot() {
    assertThat(get("/actuator/health", null).getBody().get("status").asText()).isEqualTo("UP");
    assertThat(get("/engine-rest/process-definition", null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("/engine-rest/process-definition", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // an external system sees the definitions of the processes it may start, and only those
    assertThat(
            get("/engine-rest/process-definition", "api-client").getBody().findValuesAsText("key"))
        .contains("office-involvement")
        .doesNotContain("ticket", "complaint", "kb-publication");
    ResponseEntity<JsonNode> anonymousUser =
        post(
            "/engine-rest/user/create",
            null,
            Map.of("profile", Map.of("id", "intruder"), "credentials", Map.of("password", "x")));
    assertThat(anonymousUser.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void externalSystemStartsADeployedProcessThroughTheEngineRestApi() {
    String number =
        post("/api/tickets", "api-client", ticketRequest(fiscalCode(), "Coinvolgimento diretto"))
            .getBody()
            .get("number")
            .asText();
    Map<String, Object> start =
        Map.of(
            "businessKey",
            number,
            "variables",
            Map.of(
                "office", Map.of("value", "office-urp", "type", "String"),
                "resolutionDueAt",
                    Map.of("value", "2030-01-01T10:00:00.000+0100", "type", "Date")));

    ResponseEntity<JsonNode> started =
        post("/engine-rest/process-definition/key/office-involvement/start", "api-client", start);

    assertThat(started.getStatusCode())
        .as(String.valueOf(started.getBody()))
        .isEqualTo(HttpStatus.OK);
    assertThat(started.getBody().get("businessKey").asText()).isEqualTo(number);
    assertThat(
            post(
                    "/engine-rest/process-definition/key/office-involvement/start",
                    "supervisor",
                    start)
                .getStatusCode())
        .as("supervisors may watch, not start")
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void webApplicationSessionNeedsTheCsrfTokenForChanges() {
    ResponseEntity<JsonNode> login =
        post("/api/session", null, Map.of("username", "operator1", "password", "demo"));
    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(login.getBody().get("roles").toString()).contains("LEVEL1");
    List<String> cookies = login.getHeaders().get(HttpHeaders.SET_COOKIE);
    String session = cookie(cookies, "JSESSIONID");
    String csrf = cookie(cookies, "SPORTELLO-XSRF-TOKEN");

    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session + "; SPORTELLO-XSRF-TOKEN=" + csrf);
    headers.add("X-Requested-With", "XMLHttpRequest");
    assertThat(
            rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class)
                .getBody()
                .get("userId")
                .asText())
        .isEqualTo("operator1");
    assertThat(
            rest.exchange(
                    "/api/tasks/unknown/claim",
                    HttpMethod.POST,
                    new HttpEntity<>(headers),
                    JsonNode.class)
                .getStatusCode())
        .as("no token")
        .isEqualTo(HttpStatus.FORBIDDEN);
    HttpHeaders withBasic = new HttpHeaders();
    withBasic.addAll(headers);
    withBasic.setBasicAuth("operator1", "demo");
    assertThat(
            rest.exchange(
                    "/api/tasks/unknown/claim",
                    HttpMethod.POST,
                    new HttpEntity<>(withBasic),
                    JsonNode.class)
                .getStatusCode())
        .as("Basic credentials the browser cached do not replace the token")
        .isEqualTo(HttpStatus.FORBIDDEN);
    headers.add("X-XSRF-TOKEN", csrf);
    assertThat(
            rest.exchange(
                    "/api/tasks/unknown/claim",
                    HttpMethod.POST,
                    new HttpEntity<>(headers),
                    JsonNode.class)
                .getStatusCode())
        .as("with token the request gets through")
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void webApplicationCallsGetNoBasicChallenge() {
    HttpHeaders headers = new HttpHeaders();
    headers.add("X-Requested-With", "XMLHttpRequest");
    ResponseEntity<JsonNode> response =
        rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(String.valueOf(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)))
        .doesNotContain("Basic");
  }

  private static String cookie(List<String> setCookies, String name) {
    return setCookies.stream()
        .filter(cookie -> cookie.startsWith(name + "="))
        .reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + setCookies))
        .split(";")[0]
        .substring(name.length() + 1);
  }

  @Test
  void signedOidcTokenWithTheApiClientGroupOpensATicket() throws Exception {
    ResponseEntity<JsonNode> response =
        withToken(
            token("portal-backend", List.of("api-client")),
            ticketRequest(fiscalCode(), "Dal portale con OIDC"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    // an API client has no session: no CSRF cookie made for it at every request (issue 26)
    assertThat(response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE))
        .noneMatch(cookie -> cookie.startsWith("SPORTELLO-XSRF-TOKEN="));
  }

  @Test
  void signedOidcTokenWithoutTheRightGroupIsForbiddenAndAForgedOneUnauthorized() throws Exception {
    assertThat(
            withToken(token("someone", List.of("kb-editor")), ticketRequest(fiscalCode(), "No"))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    String forged = token("portal-backend", List.of("api-client"));
    String tampered =
        forged.substring(0, forged.lastIndexOf('.') + 1)
            + "AAAA"
            + forged.substring(forged.lastIndexOf('.') + 5);
    assertThat(withToken(tampered, ticketRequest(fiscalCode(), "No")).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private ResponseEntity<JsonNode> withToken(String token, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange(
        "/api/tickets", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private static String token(String user, List<String> groups)
      throws IOException, JOSEException, java.security.GeneralSecurityException {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject(user)
            .claim("preferred_username", user)
            .claim("groups", groups)
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(300)))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    jwt.sign(new RSASSASigner(privateKey()));
    return jwt.serialize();
  }

  private static PrivateKey privateKey()
      throws IOException, java.security.GeneralSecurityException {
    String pem =
        new ClassPathResource("test-jwt/private.pem")
            .getContentAsString(StandardCharsets.US_ASCII)
            .replaceAll("-----[A-Z ]+-----", "")
            .replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
  }
}
