package it.sportello.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Presence follows the ticket page's rule: who may not read the ticket neither sees who works on it
 * nor shows up there; an unknown number answers as a hidden one does.
 */
class PresenceReadabilityIT extends IntegrationTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void onlyThoseWhoMayReadTheTicketSeeOrJoinItsPresence() {
    String number = open("Presenza riservata");
    assertThat(heartbeat(number, "operator1").getStatusCode()).isEqualTo(HttpStatus.OK);

    // an office reads only the tickets assigned to it: this one is not (yet)
    ResponseEntity<JsonNode> hidden = get("/api/presence/" + number, "office1");
    assertThat(hidden.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(hidden.getBody().toString()).doesNotContain("operator1");
    assertThat(heartbeat(number, "office1").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.ticket_presence where ticket_number = ?"
                    + " and user_id = 'office1'",
                Integer.class,
                number))
        .as("nothing written for a ticket the caller may not read")
        .isZero();
    assertThat(others(number, "operator2")).doesNotContain("office1").contains("operator1");

    // assigned to the office: now office1 reads it, and sees who is on it
    jdbc.update(
        "insert into sportello.ticket_event (ticket_id, occurred_at, kind, office)"
            + " select id, now(), 'OFFICE_ASSIGNED', 'office-tributi' from sportello.ticket"
            + " where number = ?",
        number);
    ResponseEntity<JsonNode> visible = get("/api/presence/" + number, "office1");
    assertThat(visible.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(visible.getBody().get("others").findValuesAsText("userId")).contains("operator1");
    // with the display name the directory has (the demo users': "operator1 (demo)")
    assertThat(visible.getBody().get("others").findValuesAsText("name"))
        .contains("operator1 (demo)");

    // staff read every ticket, but a number that is no ticket (nor anyone's task) is not found
    assertThat(get("/api/presence/RS-1999-999999", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(heartbeat("RS-1999-999999", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    // roles that work no tickets stay out at the door
    assertThat(get("/api/presence/" + number, "auditor").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private ResponseEntity<JsonNode> heartbeat(String number, String user) {
    return call(HttpMethod.PUT, "/api/presence/" + number, user, Map.of("activity", "VIEWING"));
  }

  private java.util.List<String> others(String number, String user) {
    return heartbeat(number, user).getBody().get("others").findValuesAsText("userId");
  }

  private String open(String subject) {
    ResponseEntity<JsonNode> response =
        post("/api/tickets", "api-client", ticketRequest(fiscalCode(), subject));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return response.getBody().get("number").asText();
  }
}
