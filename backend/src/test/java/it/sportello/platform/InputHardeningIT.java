package it.sportello.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

/**
 * Issue 16, item 5: NUL characters answer 400 naming the field, the public knowledge base is rate
 * limited per address, passwords follow a policy.
 */
class InputHardeningIT extends IntegrationTest {

  @Autowired IdentityService identityService;

  @Test
  void aNulCharacterInAJsonBodyIsA400NamingTheField() {
    Map<String, Object> request = ticketRequest(fiscalCode(), "Rimborso\u0000TARI");

    ResponseEntity<JsonNode> response = post("/api/tickets", "api-client", request);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().path("errors").get(0).path("field").asText())
        .isEqualTo("subject");
    assertThat(response.getBody().path("errors").get(0).path("message").asText()).contains("NUL");

    request = ticketRequest(fiscalCode(), "Rimborso TARI");
    request.put(
        "requester",
        Map.of("fiscalCode", fiscalCode(), "name", "Maria\u0000", "email", "m@example.it"));
    JsonNode problem = post("/api/tickets", "api-client", request).getBody();
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("requester.name");
  }

  @Test
  void aNulCharacterInAQueryParameterIsA400NamingTheParameter() throws Exception {
    for (ResponseEntity<String> response :
        List.of(
            raw("/api/kb/search?q=%00", "operator1"),
            raw("/api/public/kb/search?lang=it&q=tari%00", null))) {
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(json.readTree(response.getBody()).path("errors").get(0).path("field").asText())
          .isEqualTo("q");
    }
    assertThat(raw("/api/tickets/RS-2026%00", "operator1").getStatusCode().is4xxClientError())
        .as("a NUL in the path is refused too")
        .isTrue();
  }

  @Test
  void thePublicKnowledgeBaseAnswers429WithRetryAfterBeyondItsLimitPerAddress() {
    Instant now = Instant.now();
    clock.pin(now);
    for (int i = 1; i <= 120; i++) {
      assertThat(publicCall(HttpMethod.GET, "/api/public/kb/categories", "192.0.2.200"))
          .as("request %s", i)
          .isEqualTo(HttpStatus.OK);
    }
    ResponseEntity<JsonNode> refused =
        call(
            HttpMethod.GET,
            "/api/public/kb/categories",
            null,
            null,
            Map.of("X-Forwarded-For", "192.0.2.200"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("60");
    assertThat(publicCall(HttpMethod.GET, "/api/public/kb/categories", "192.0.2.201"))
        .as("another address has its own allowance")
        .isEqualTo(HttpStatus.OK);

    clock.pin(now.plusSeconds(60));
    assertThat(publicCall(HttpMethod.GET, "/api/public/kb/categories", "192.0.2.200"))
        .isEqualTo(HttpStatus.OK);

    for (int i = 1; i <= 20; i++) {
      publicCall(HttpMethod.POST, "/api/public/kb/articles/999999999/feedback", "192.0.2.202");
    }
    assertThat(publicCall(HttpMethod.POST, "/api/public/kb/articles/1/feedback", "192.0.2.202"))
        .as("opinions have a lower limit of their own")
        .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
  }

  @Test
  void passwordsFollowThePolicyOnlyTheDemoUsersOfTheDefaultProfileBypassIt() {
    assertThat(identityService.checkPasswordAgainstPolicy("demo").isValid()).isFalse();
    assertThat(identityService.checkPasswordAgainstPolicy("sportello12345").isValid())
        .as("length alone is not enough")
        .isFalse();
    assertThat(identityService.checkPasswordAgainstPolicy("Sportello-2026!").isValid()).isTrue();

    String id = "policy" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> weak =
        Map.of(
            "profile",
            Map.of("id", id, "firstName", "Pia", "lastName", "Quinto", "email", "pq@example.it"),
            "credentials",
            Map.of("password", "password"));
    assertThat(post("/engine-rest/user/create", "admin", weak).getStatusCode().isError()).isTrue();
    assertThat(identityService.createUserQuery().userId(id).count()).isZero();

    Map<String, Object> strong =
        Map.of(
            "profile",
            Map.of("id", id, "firstName", "Pia", "lastName", "Quinto", "email", "pq@example.it"),
            "credentials",
            Map.of("password", "Sportello-2026!"));
    assertThat(post("/engine-rest/user/create", "admin", strong).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    identityService.deleteUser(id);

    assertThat(get("/api/me", "operator1").getStatusCode())
        .as("the demo users (password demo) exist in the default profile")
        .isEqualTo(HttpStatus.OK);
  }

  /** A GET of the path exactly as written (the test client would encode its % again). */
  private ResponseEntity<String> raw(String path, String user) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    return rest.exchange(
        new RequestEntity<>(headers, HttpMethod.GET, URI.create(rest.getRootUri() + path)),
        String.class);
  }

  private HttpStatus publicCall(HttpMethod method, String path, String address) {
    return HttpStatus.valueOf(
        call(
                method,
                path,
                null,
                method == HttpMethod.POST ? Map.of("helpful", true) : null,
                Map.of("X-Forwarded-For", address))
            .getStatusCode()
            .value());
  }
}
