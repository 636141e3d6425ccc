package it.sportello.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What each role's landing page asks of the API answers without an error: the session for a
 * visitor, the procedures for analysts, the knowledge base for the secretariat and the manager.
 */
class WorkspaceAccessIT extends IntegrationTest {

  @Test
  void aVisitorHasNoSessionWithoutAnError() {
    ResponseEntity<JsonNode> visitor = get("/api/session", null);
    assertThat(visitor.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    ResponseEntity<JsonNode> operator = get("/api/session", "operator1");
    assertThat(operator.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(operator.getBody().path("userId").asText()).isEqualTo("operator1");
    assertThat(operator.getBody().path("roles").toString()).contains("LEVEL1");
    assertThat(operator.getBody().path("zone").asText()).isEqualTo("Europe/Rome");
  }

  @Test
  void analystsSeeEveryProcedureInItsLatestVersion() {
    ResponseEntity<JsonNode> response = get("/api/procedures", "analyst");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> keys = new ArrayList<>();
    response.getBody().forEach(procedure -> keys.add(procedure.path("key").asText()));
    assertThat(keys)
        .contains("ticket", "office-involvement", "correspondence", "complaint", "kb-publication")
        .doesNotHaveDuplicates();
    JsonNode ticket = procedure(response.getBody(), "ticket");
    assertThat(ticket.path("version").asInt()).isPositive();
    assertThat(ticket.path("definitionId").asText()).startsWith("ticket:");
    assertThat(ticket.path("deployedAt").asText()).isNotBlank();
    assertThat(ticket.path("running").asLong()).isNotNegative();
    assertThat(ticket.path("resourceName").asText()).endsWith(".bpmn");
  }

  @Test
  void theProceduresAreNotForOperators() {
    assertThat(get("/api/procedures", "operator1").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("/api/procedures", "auditor").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theSecretariatAndTheManagerSearchTheKnowledgeBase() {
    for (String user : List.of("secretariat1", "manager1", "headoffice1")) {
      // no search node in these tests: past the door, the search answers 503, not 403
      assertThat(get("/api/kb/search?q=residenza", user).getStatusCode())
          .as(user)
          .isNotIn(HttpStatus.FORBIDDEN, HttpStatus.UNAUTHORIZED);
      assertThat(get("/api/kb/articles/999999", user).getStatusCode())
          .as(user)
          .isEqualTo(HttpStatus.NOT_FOUND);
    }
    assertThat(get("/api/kb/search?q=residenza", "auditor").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private static JsonNode procedure(JsonNode procedures, String key) {
    for (JsonNode procedure : procedures) {
      if (key.equals(procedure.path("key").asText())) {
        return procedure;
      }
    }
    throw new AssertionError("no procedure " + key + " in " + procedures);
  }
}
