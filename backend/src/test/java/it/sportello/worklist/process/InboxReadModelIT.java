package it.sportello.worklist.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.TestCategories;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inbox read model (ADR 0035) follows the engine: a task's row appears when it is created,
 * carries its queue and follows a reclassification, its assignee when taken, disappears when the
 * task is completed, and the rebuild at start restores rows the table lacks and removes stale ones.
 */
class InboxReadModelIT extends IntegrationTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired InboxRebuild rebuild;

  @Test
  void aReclassifiedTicketMovesToItsNewQueueInTheInboxFilters() throws Exception {
    String number = open("Accesso al portale");
    assertThat(numbers("/api/inbox?size=200&queue=general&number=" + number)).contains(number);
    assertThat(row(number).get("queue")).isEqualTo("general");

    String reason = TestCategories.create(jdbc).reason();
    assertThat(
            post(
                    "/api/tickets/" + number + "/classification",
                    "operator1",
                    Map.of(
                        "queue", "payments", "priority", 2, "category", reason, "reason", "TARI"))
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);

    assertThat(row(number)).containsEntry("queue", "payments").containsEntry("ticket_priority", 2);
    assertThat((String[]) ((java.sql.Array) row(number).get("candidate_groups")).getArray())
        .contains("payments")
        .doesNotContain("general");
    assertThat(numbers("/api/inbox?size=200&queue=payments&priority=2&number=" + number))
        .containsExactly(number);
    assertThat(numbers("/api/inbox?size=200&queue=general&number=" + number)).isEmpty();
  }

  @Test
  void aTakenTaskCarriesItsAssigneeAndACompletedOneLeavesTheTable() throws Exception {
    String number = open("Presa in carico");
    JsonNode waiting = only(number);
    String taskId = waiting.get("taskId").asText();
    assertThat(row(number).get("assignee")).isNull();

    post("/api/tasks/" + taskId + "/claim", "operator1", null);
    assertThat(row(number)).containsEntry("assignee", "operator1");
    assertThat(numbers("/api/inbox?size=200&number=" + number)).containsExactly(number);

    jdbc.update("delete from sportello.inbox_task where task_id = ?", taskId);
    jdbc.update(
        "insert into sportello.inbox_task (task_id, created_at, priority) values ('gone', now(), 50)");
    rebuild.rebuild();
    assertThat(row(number))
        .as("the rebuild restores the row of an open task from the engine's tables")
        .containsEntry("task_id", taskId)
        .containsEntry("assignee", "operator1")
        .containsEntry("queue", "general");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.inbox_task where task_id = 'gone'", Long.class))
        .as("and removes the row of a task that is no longer open")
        .isZero();

    assertThat(
            post("/api/tasks/" + taskId + "/complete", "operator1", Map.of("decision", "ESCALATE"))
                .getStatusCode()
                .is2xxSuccessful())
        .isTrue();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.inbox_task where task_id = ?", Long.class, taskId))
        .as("the completed task left the table")
        .isZero();
    Map<String, Object> level2 = row(number);
    assertThat(level2.get("task_id"))
        .as("the next task, created in the same transaction")
        .isNotEqualTo(taskId);
    assertThat((String[]) ((java.sql.Array) level2.get("candidate_groups")).getArray())
        .contains("level2");
    assertThat(level2.get("assignee")).isNull();
  }

  private Map<String, Object> row(String number) {
    List<Map<String, Object>> rows =
        jdbc.queryForList("select * from sportello.inbox_task where business_key = ?", number);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private String open(String subject) {
    var response = post("/api/tickets", "operator1", ticketRequest(fiscalCode(), subject));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return response.getBody().get("number").asText();
  }

  private JsonNode only(String number) {
    JsonNode content = get("/api/inbox?number=" + number, "operator1").getBody().get("items");
    assertThat(content).hasSize(1);
    return content.get(0);
  }

  private List<String> numbers(String path) {
    JsonNode body = get(path, "operator1").getBody();
    return StreamSupport.stream(body.get("items").spliterator(), false)
        .map(row -> row.get("number").asText())
        .toList();
  }
}
