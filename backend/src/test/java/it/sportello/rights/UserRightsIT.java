package it.sportello.rights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The register of user rights: administrators create, disable and enable local users, reset
 * passwords, grant and revoke roles, always with a reason, recorded in the register and the audit;
 * the password policy; the access review.
 */
class UserRightsIT extends IntegrationTest {

  private static final String STRONG = "Vento-di-Maestrale-42!";

  @Autowired JdbcTemplate jdbc;

  @Test
  void grantsAndRevocationsNeedAReasonAndAreRecordedWithWhoWhenAndWhy() {
    String user = newUser("level1");

    ResponseEntity<JsonNode> noReason =
        post("/api/users/" + user + "/grants", "admin", Map.of("group", "level2", "reason", " "));
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody().get("errors").findValuesAsText("field")).contains("reason");

    assertThat(
            post(
                    "/api/users/" + user + "/grants",
                    "admin",
                    Map.of("group", "level2", "reason", "Passa al secondo livello"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            post(
                    "/api/users/" + user + "/revocations",
                    "admin",
                    Map.of("group", "level1", "reason", "Non risponde più al primo livello"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(groupsOf(user)).containsExactly("level2");
    JsonNode register = get("/api/users/register?user=" + user, "admin").getBody();
    assertThat(register.findValuesAsText("action"))
        .containsExactly("REVOKE", "GRANT", "GRANT", "CREATE_USER");
    assertThat(register.get(0).get("actor").asText()).isEqualTo("admin");
    assertThat(register.get(0).get("groupId").asText()).isEqualTo("level1");
    assertThat(register.get(0).get("reason").asText())
        .isEqualTo("Non risponde più al primo livello");
    assertThat(register.get(0).get("at").isNull()).isFalse();

    List<Map<String, Object>> audit =
        jdbc.queryForList(
            "select action, actor, reason from sportello.audit_event"
                + " where resource_id in (?, ?) order by seq",
            user + ":level2",
            user + ":level1");
    assertThat(audit).extracting(row -> row.get("action")).contains("GRANT", "REVOKE");
    assertThat(audit)
        .anySatisfy(
            row -> {
              assertThat(row.get("action")).isEqualTo("REVOKE");
              assertThat(row.get("actor")).isEqualTo("admin");
              assertThat(row.get("reason")).isEqualTo("Non risponde più al primo livello");
            });
  }

  @Test
  void onlyAdministratorsManageUsers() {
    assertThat(get("/api/users", "operator1").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("/api/users/access-review", "dpo").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post(
                    "/api/users/operator1/grants",
                    "supervisor",
                    Map.of("group", "camunda-admin", "reason", "Vorrei"))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(groupsOf("operator1")).doesNotContain("camunda-admin");
  }

  @Test
  void thePasswordPolicyRefusesShortCommonOwnNameAndRecentPasswordsNamingPassword() {
    String id = "pol" + ThreadLocalRandom.current().nextInt(1_000_000);
    assertRefusedPassword(create(id, "Corta-1!", List.of()));
    assertRefusedPassword(create(id, "Password123!", List.of()));
    assertRefusedPassword(create(id, id + "-Lungo-2026!", List.of()));
    assertRefusedPassword(create(id, "solo-minuscole-senza-cifre", List.of()));
    assertThat(create(id, STRONG, List.of()).getStatusCode()).isEqualTo(HttpStatus.CREATED);

    assertRefusedPassword(
        post(
            "/api/users/" + id + "/password",
            "admin",
            Map.of("password", STRONG, "reason", "Password dimenticata")));
    assertThat(
            post(
                    "/api/users/" + id + "/password",
                    "admin",
                    Map.of(
                        "password", "Nuvole-Basse-Sul-Lago-7?", "reason", "Password dimenticata"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(as(id, "Nuvole-Basse-Sul-Lago-7?", "/api/reference").getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void aDisabledUserNoLongerSignsInUntilEnabledWithANewPassword() {
    String user = newUser("level1");
    assertThat(as(user, STRONG, "/api/reference").getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(
            post("/api/users/" + user + "/disable", "admin", Map.of("reason", "Lascia l'ufficio"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(as(user, STRONG, "/api/reference").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    post("/api/users/" + user + "/enable", "admin", Map.of("reason", "Rientra in servizio"));
    // disabling made the password unusable (the engine's web applications ask the engine for it):
    // the account comes back with a new one
    assertThat(as(user, STRONG, "/api/reference").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    String renewed = "Tramontana-sul-Lago-77!";
    assertThat(
            post(
                    "/api/users/" + user + "/password",
                    "admin",
                    Map.of("password", renewed, "reason", "Rientra in servizio"))
                .getStatusCode()
                .is2xxSuccessful())
        .isTrue();
    assertThat(as(user, renewed, "/api/reference").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theAccessReviewListsRolesLastLoginsAndUnusedAccounts() {
    String unused = newUser("level2");
    String active = newUser("level1");
    as(active, STRONG, "/api/reference");

    JsonNode review = get("/api/users/access-review?unusedDays=30", "admin").getBody();
    JsonNode unusedLine = line(review, unused);
    assertThat(unusedLine.get("unused").asBoolean()).isTrue();
    assertThat(unusedLine.hasNonNull("lastLoginAt")).isFalse();
    assertThat(unusedLine.get("roles").get(0).asText()).isEqualTo("level2");
    JsonNode activeLine = line(review, active);
    assertThat(activeLine.get("unused").asBoolean()).isFalse();
    assertThat(activeLine.get("lastLoginSource").asText()).isEqualTo("LOCAL");

    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("admin", "demo");
    ResponseEntity<String> csv =
        rest.exchange(
            "/api/users/access-review.csv?unusedDays=30",
            HttpMethod.GET,
            new HttpEntity<>(headers),
            String.class);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getBody())
        .startsWith("user;local;disabled;roles;last_login")
        .contains(unused + ";yes;no;level2;;;yes\r\n");
  }

  private String newUser(String group) {
    String id = "u" + ThreadLocalRandom.current().nextInt(1_000_000);
    assertThat(create(id, STRONG, List.of(group)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return id;
  }

  private ResponseEntity<JsonNode> create(String id, String password, List<String> groups) {
    return post(
        "/api/users",
        "admin",
        Map.of(
            "id",
            id,
            "firstName",
            "Giulia",
            "lastName",
            "Verdi",
            "email",
            id + "@comune.example.it",
            "password",
            password,
            "groups",
            groups,
            "reason",
            "Nuova collega allo sportello"));
  }

  private ResponseEntity<JsonNode> as(String user, String password, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password);
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
  }

  private List<String> groupsOf(String user) {
    for (JsonNode node : get("/api/users", "admin").getBody()) {
      if (node.get("id").asText().equals(user)) {
        return java.util.stream.StreamSupport.stream(node.get("groups").spliterator(), false)
            .map(JsonNode::asText)
            .toList();
      }
    }
    throw new AssertionError("no user " + user);
  }

  private static JsonNode line(JsonNode review, String user) {
    for (JsonNode node : review.get("users")) {
      if (node.get("userId").asText().equals(user)) {
        return node;
      }
    }
    throw new AssertionError("no line for " + user);
  }

  private static void assertRefusedPassword(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("errors").findValuesAsText("field")).contains("password");
  }
}
