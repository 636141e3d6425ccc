package it.sportello.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The supervisor's live view counts what happens to tickets, and a supervisor can reassign a task.
 */
class SupervisorIT extends IntegrationTest {

  @Test
  void queueFiguresFollowTicketsAndTheirDeadlines() {
    JsonNode before = generalQueue();
    JsonNode ticket =
        post("/api/tickets", "api-client", ticketRequest(fiscalCode(), "Conteggio coda")).getBody();
    Instant due = OffsetDateTime.parse(ticket.at("/sla/takeInChargeDueAt").asText()).toInstant();

    JsonNode after = generalQueue();
    assertThat(after.get("waiting").asLong()).isEqualTo(before.get("waiting").asLong() + 1);
    assertThat(after.get("oldestWaitingSince").isNull()).isFalse();

    Instant atRiskTime = due.minus(Duration.ofMinutes(30));
    Instant breachedTime = due.plus(Duration.ofMinutes(1));
    clock.pin(breachedTime);
    long breached = generalQueue().get("breached").asLong();
    clock.pin(atRiskTime);
    long atRisk = generalQueue().get("atRisk").asLong();

    // taken in charge in time: no longer at risk, and never breached (resolution is due much later)
    String taskId =
        get("/api/tasks?businessKey=" + ticket.get("number").asText(), "operator1")
            .getBody()
            .get("items")
            .get(0)
            .get("id")
            .asText();
    post("/api/tasks/" + taskId + "/claim", "operator1", null);

    assertThat(generalQueue().get("atRisk").asLong()).isEqualTo(atRisk - 1);
    clock.pin(breachedTime);
    assertThat(generalQueue().get("breached").asLong()).isEqualTo(breached - 1);
  }

  @Test
  void supervisorReassignsATaskAndSeesTheWorkload() {
    String number =
        post("/api/tickets", "api-client", ticketRequest(fiscalCode(), "Da riassegnare"))
            .getBody()
            .get("number")
            .asText();
    String taskId =
        get("/api/tasks?businessKey=" + number, "operator1")
            .getBody()
            .get("items")
            .get(0)
            .get("id")
            .asText();

    assertThat(
            post("/api/tasks/" + taskId + "/assign", "operator1", Map.of("userId", "operator1"))
                .getStatusCode())
        .as("a worker cannot take an unassigned task by assignment")
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(
            post("/api/tasks/" + taskId + "/assign", "supervisor", Map.of("userId", "operator1"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode overview = get("/api/supervisor/overview", "supervisor").getBody();
    assertThat(overview.get("assigned").findValuesAsText("number")).contains(number);

    // the holder hands it over to a colleague who works the same queue, and to nobody else
    JsonNode candidates = get("/api/tasks/" + taskId + "/candidates", "operator1").getBody();
    assertThat(candidates.findValuesAsText("userId"))
        .contains("operator1", "operator3")
        .doesNotContain("operator2", "supervisor");
    ResponseEntity<JsonNode> notACandidate =
        post("/api/tasks/" + taskId + "/assign", "operator1", Map.of("userId", "operator2"));
    assertThat(notACandidate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notACandidate.getBody().toString()).contains("userId");
    assertThat(
            post("/api/tasks/" + taskId + "/assign", "operator1", Map.of("userId", "operator3"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(get("/api/tasks/" + taskId, "operator3").getBody().get("assignee").asText())
        .isEqualTo("operator3");
    overview = get("/api/supervisor/overview", "supervisor").getBody();
    assertThat(overview.at("/tasksPerOperator/operator3").asLong()).isPositive();
    assertThat(overview.get("assigned").findValuesAsText("number")).contains(number);
    assertThat(get("/api/supervisor/overview", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private JsonNode generalQueue() {
    for (JsonNode queue : get("/api/supervisor/overview", "supervisor").getBody().get("queues")) {
      if (queue.get("queue").asText().equals("general")) {
        return queue;
      }
    }
    throw new AssertionError("no queue general");
  }
}
