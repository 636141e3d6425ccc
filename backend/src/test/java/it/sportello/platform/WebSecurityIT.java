package it.sportello.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Headers, cookies, challenges, the closed first-admin setup and login throttling (issue 16, items
 * 4 and 6). Client addresses are given with {@code X-Forwarded-For}, trusted from the test's
 * loopback address as from a reverse proxy.
 */
class WebSecurityIT extends IntegrationTest {

  @Test
  void theWebApplicationHasAStrictContentSecurityPolicyWithoutInlineScript() {
    ResponseEntity<String> shell = rest.getForEntity("/tasks/42", String.class);

    String csp = shell.getHeaders().getFirst("Content-Security-Policy");
    assertThat(csp).contains("default-src 'self'", "script-src 'self';", "frame-ancestors 'none'");
    assertThat(csp.split(";")[1]).as("script-src").doesNotContain("unsafe");
    assertThat(shell.getHeaders().getFirst("Referrer-Policy"))
        .isEqualTo("strict-origin-when-cross-origin");
    assertThat(shell.getHeaders().getFirst("Permissions-Policy"))
        .contains("camera=()", "microphone=()", "geolocation=()");
    assertThat(shell.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

    ResponseEntity<JsonNode> api = get("/api/me", "operator1");
    assertThat(api.getHeaders().getFirst("Content-Security-Policy"))
        .isEqualTo("default-src 'none'; frame-ancestors 'none'; sandbox");
  }

  @Test
  void camundaWebappsKeepTheirOwnContentSecurityPolicy() {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/welcome/default/", String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().get("Content-Security-Policy"))
        .as("one policy, Camunda's own")
        .singleElement()
        .satisfies(csp -> assertThat(csp).doesNotContain("frame-ancestors 'none'; sandbox"));
    assertThat(page.getHeaders().getFirst("Referrer-Policy"))
        .isEqualTo("strict-origin-when-cross-origin");
  }

  @Test
  void sessionAndCsrfCookiesAreSameSiteLax() {
    ResponseEntity<JsonNode> login =
        post("/api/session", null, Map.of("username", "operator3", "password", "demo"));

    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> cookies = login.getHeaders().get(HttpHeaders.SET_COOKIE);
    assertThat(cookie(cookies, "JSESSIONID")).contains("SameSite=Lax", "HttpOnly");
    assertThat(cookie(cookies, "SPORTELLO-XSRF-TOKEN")).contains("SameSite=Lax");
  }

  @Test
  void noResponseCarriesABasicChallengeABrowserWouldAnswerAndCache() {
    HttpHeaders wrongPassword = new HttpHeaders();
    wrongPassword.setBasicAuth("nobody-" + UUID.randomUUID(), "wrong");
    wrongPassword.add("X-Forwarded-For", "192.0.2.77");
    List<ResponseEntity<String>> responses =
        List.of(
            rest.getForEntity("/api/tickets", String.class),
            rest.getForEntity("/api/me", String.class),
            rest.getForEntity("/engine-rest/process-definition", String.class),
            rest.getForEntity("/actuator/metrics", String.class),
            rest.exchange(
                "/api/tickets", HttpMethod.GET, new HttpEntity<>(wrongPassword), String.class));

    for (ResponseEntity<String> response : responses) {
      assertThat(response.getStatusCode().value()).isIn(401, 403);
      assertThat(Objects.toString(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)))
          .as("%s", response)
          .doesNotContainIgnoringCase("basic");
    }
    // a route of the web application: its shell (200) when the frontend is built, else 404;
    // never a challenge
    ResponseEntity<String> page = rest.getForEntity("/some/unknown/route", String.class);
    assertThat(page.getStatusCode().value()).isIn(200, 404);
    assertThat(page.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
  }

  @Test
  void nobodyCreatesAFirstAdministratorThroughCamundaAdminsSetup() {
    String intruder = "intruder" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> user =
        Map.of(
            "profile",
            Map.of("id", intruder, "firstName", "I", "lastName", "N", "email", "i@example.org"),
            "credentials",
            Map.of("password", "Intruder-Password-1!"));

    ResponseEntity<JsonNode> anonymous =
        post("/camunda/api/admin/setup/default/user/create", null, user);
    ResponseEntity<JsonNode> asAdmin =
        post("/camunda/api/admin/setup/default/user/create", "admin", user);

    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(asAdmin.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("/engine-rest/user/" + intruder + "/profile", "admin").getStatusCode())
        .as("no such user")
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void wrongPasswordsFromAnAttackerDelayButNeverLockAdmin() {
    Instant now = Instant.now();
    clock.pin(now);
    int refused = 0;
    for (int failures = 0; failures < 12; ) {
      ResponseEntity<JsonNode> attempt = basic("admin", "guess-" + failures, "203.0.113.10");
      if (attempt.getStatusCode() == HttpStatus.TOO_MANY_REQUESTS) {
        refused++;
        assertThat(attempt.getHeaders().getContentType())
            .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        long retryAfter = Long.parseLong(attempt.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 60L);
        now = now.plusSeconds(retryAfter);
        clock.pin(now);
      } else {
        assertThat(attempt.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        failures++;
      }
    }
    assertThat(refused).as("attempts refused with 429 while a delay ran").isGreaterThan(0);

    ResponseEntity<JsonNode> fromTheOffice = basic("admin", "demo", "198.51.100.20");
    assertThat(fromTheOffice.getStatusCode())
        .as("the user name waits out its delay, from any address")
        .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    now = now.plusSeconds(Long.parseLong(fromTheOffice.getHeaders().getFirst("Retry-After")));
    clock.pin(now);

    ResponseEntity<JsonNode> afterTheDelay = basic("admin", "demo", "198.51.100.20");
    assertThat(afterTheDelay.getStatusCode())
        .as("12 wrong passwords did not lock admin (the engine's own lock would have)")
        .isEqualTo(HttpStatus.OK);
    assertThat(afterTheDelay.getBody().path("userId").asText()).isEqualTo("admin");
  }

  @Test
  void theSessionLoginAndCamundasWebappLoginAreThrottledToo() {
    Instant now = Instant.now();
    clock.pin(now);
    for (int failure = 1; failure <= 5; failure++) {
      assertThat(sessionLogin("auditor", "wrong", "203.0.113.20").getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    ResponseEntity<JsonNode> throttled = sessionLogin("auditor", "demo", "203.0.113.20");
    assertThat(throttled.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(throttled.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    clock.pin(now.plusSeconds(1));
    assertThat(sessionLogin("auditor", "demo", "203.0.113.20").getStatusCode())
        .isEqualTo(HttpStatus.OK);

    for (int failure = 1; failure <= 5; failure++) {
      assertThat(webappLogin("analyst", "wrong", "203.0.113.30").getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    ResponseEntity<String> webappThrottled = webappLogin("analyst", "demo", "203.0.113.30");
    assertThat(webappThrottled.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(webappThrottled.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    clock.pin(now.plusSeconds(2));
    assertThat(webappLogin("analyst", "demo", "203.0.113.30").getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  private ResponseEntity<JsonNode> basic(String user, String password, String address) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password);
    headers.add("X-Forwarded-For", address);
    return rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
  }

  private ResponseEntity<JsonNode> sessionLogin(String user, String password, String address) {
    return call(
        HttpMethod.POST,
        "/api/session",
        null,
        Map.of("username", user, "password", password),
        Map.of("X-Forwarded-For", address));
  }

  private ResponseEntity<String> webappLogin(String user, String password, String address) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/welcome/default/", String.class);
    List<String> setCookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
    HttpHeaders headers = new HttpHeaders();
    headers.add("X-XSRF-TOKEN", value(setCookies, "XSRF-TOKEN"));
    headers.add(
        HttpHeaders.COOKIE,
        String.join("; ", setCookies.stream().map(cookie -> cookie.split(";")[0]).toList()));
    headers.add("X-Forwarded-For", address);
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return rest.exchange(
        "/camunda/api/admin/auth/user/default/login/welcome",
        HttpMethod.POST,
        new HttpEntity<>("username=" + user + "&password=" + password, headers),
        String.class);
  }

  private static String cookie(List<String> setCookies, String name) {
    return setCookies.stream()
        .filter(cookie -> cookie.startsWith(name + "="))
        .reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + setCookies));
  }

  private static String value(List<String> setCookies, String name) {
    return cookie(setCookies, name).split(";")[0].substring(name.length() + 1);
  }
}
