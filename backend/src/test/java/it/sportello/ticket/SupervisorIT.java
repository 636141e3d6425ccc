package it.sportello.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.sla.SlaProperties;
import it.sportello.sla.SlaService;
import it.sportello.ticket.application.QueueStatistics;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The supervisor's live view counts what happens to tickets, and a supervisor can reassign a task.
 */
class SupervisorIT extends IntegrationTest {

  @Autowired QueueStatistics statistics;
  @Autowired NamedParameterJdbcTemplate namedJdbc;
  @Autowired SlaService sla;
  @Autowired SlaProperties slaProperties;

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

  /**
   * The queue figures counted in one pass (V67) equal those of the two-step count they replaced
   * (every open ticket grouped, then the at-risk ones per SLA policy), at several instants.
   */
  @Test
  void queueFiguresInOnePassEqualTheFormerCount() {
    JsonNode ticket =
        post("/api/tickets", "api-client", ticketRequest(fiscalCode(), "Conteggio in un passo"))
            .getBody();
    Instant due = OffsetDateTime.parse(ticket.at("/sla/takeInChargeDueAt").asText()).toInstant();
    for (Instant at :
        java.util.List.of(
            due.minus(Duration.ofDays(1)),
            due.minus(Duration.ofMinutes(30)),
            due.plus(Duration.ofMinutes(1)),
            due.plus(Duration.ofDays(40)))) {
      clock.pin(at);
      java.util.List<QueueStatistics.QueueFigures> figures = statistics.queues();
      assertThat(figures).as("at %s", at).isNotEmpty();
      for (QueueStatistics.QueueFigures queue : figures) {
        assertThat(queue).as("queue %s at %s", queue.queue(), at).isEqualTo(formerCount(queue, at));
      }
    }
    assertThat(statistics.queues().stream().mapToLong(QueueStatistics.QueueFigures::waiting).sum())
        .as("the test counted some tickets")
        .isPositive();
  }

  /** The queue's figures as counted before V67. */
  private QueueStatistics.QueueFigures formerCount(
      QueueStatistics.QueueFigures queue, Instant now) {
    var params =
        new org.springframework.jdbc.core.namedparam.MapSqlParameterSource(
                "now", java.sql.Timestamp.from(now))
            .addValue("queue", queue.queue());
    Map<String, Object> row =
        namedJdbc.queryForMap(
            """
            select count(*) filter (where taken_in_charge_at is null) as waiting,
                   count(*) filter (where taken_in_charge_at is not null) as in_progress,
                   min(received_at) filter (where taken_in_charge_at is null) as oldest,
                   count(*) filter (where (taken_in_charge_at is null and take_in_charge_due_at < :now)
                       or (sla_paused_at is null and resolution_due_at < :now)) as breached
            from sportello.ticket where status <> 'CLOSED' and queue = :queue""",
            params);
    long atRisk = 0;
    for (var policy : slaProperties.policies().entrySet()) {
      params
          .addValue("policy", policy.getKey())
          .addValue(
              "takeInChargeLimit",
              java.sql.Timestamp.from(sla.atRiskHorizon(policy.getValue().takeInCharge(), now)))
          .addValue(
              "resolutionLimit",
              java.sql.Timestamp.from(sla.atRiskHorizon(policy.getValue().resolution(), now)));
      atRisk +=
          namedJdbc.queryForObject(
              """
              select count(*) from sportello.ticket
              where status <> 'CLOSED' and queue = :queue and sla_policy = :policy
                and not ((taken_in_charge_at is null and take_in_charge_due_at < :now)
                      or (sla_paused_at is null and resolution_due_at < :now))
                and ((taken_in_charge_at is null and take_in_charge_due_at >= :now
                      and take_in_charge_due_at <= :takeInChargeLimit)
                  or (sla_paused_at is null and resolution_due_at >= :now
                      and resolution_due_at <= :resolutionLimit))""",
              params,
              Long.class);
    }
    java.sql.Timestamp oldest = (java.sql.Timestamp) row.get("oldest");
    return new QueueStatistics.QueueFigures(
        queue.queue(),
        queue.nameIt(),
        queue.nameEn(),
        ((Number) row.get("waiting")).longValue(),
        ((Number) row.get("in_progress")).longValue(),
        oldest == null ? null : oldest.toInstant(),
        atRisk,
        ((Number) row.get("breached")).longValue());
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
