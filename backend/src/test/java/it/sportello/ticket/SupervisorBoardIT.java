package it.sportello.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * The supervisor's board counts the open work of every group, not only the level-1 queues: level 2
 * and the offices, with the oldest wait and the breached tasks, and lists a group's waiting tasks
 * for assignment.
 */
class SupervisorBoardIT extends IntegrationTest {

  @Test
  void theBoardFollowsATicketThroughLevelTwoAndAnOffice() {
    String number =
        post("/api/tickets", "api-client", ticketRequest(fiscalCode(), "Bacheca uffici"))
            .getBody()
            .get("number")
            .asText();
    JsonNode level2Before = group("level2");
    JsonNode officeBefore = group("office-tributi");
    assertThat(group("general").get("kind").asText()).isEqualTo("QUEUE");
    assertThat(officeBefore.get("kind").asText()).isEqualTo("OFFICE");
    assertThat(officeBefore.get("nameIt").asText()).isNotBlank();

    post("/api/tasks/" + taskOf(number, "operator1") + "/complete", "operator1", escalate());
    JsonNode level2 = group("level2");
    assertThat(level2.get("kind").asText()).isEqualTo("LEVEL");
    assertThat(level2.get("waiting").asLong()).isEqualTo(level2Before.get("waiting").asLong() + 1);
    assertThat(level2.get("oldestWaitingSince").isNull()).isFalse();
    assertThat(numbersWaitingIn("level2")).contains(number);

    post(
        "/api/tasks/" + taskOf(number, "operator2") + "/complete",
        "operator2",
        Map.of("decision", "INVOLVE_OFFICE", "office", "office-tributi"));
    JsonNode office = group("office-tributi");
    assertThat(office.get("waiting").asLong()).isEqualTo(officeBefore.get("waiting").asLong() + 1);
    assertThat(office.get("oldestWaitingSince").isNull()).isFalse();
    assertThat(group("level2").get("waiting").asLong())
        .isEqualTo(level2Before.get("waiting").asLong());
    assertThat(numbersWaitingIn("office-tributi")).contains(number);

    // long after every deadline, the office's task is breached
    long breachedNow = office.get("breached").asLong();
    clock.pin(Instant.now().plus(Duration.ofDays(400)));
    assertThat(group("office-tributi").get("breached").asLong())
        .isGreaterThanOrEqualTo(breachedNow + 1);
    clock.release();

    // assigned from the board to one of its candidates: in progress, no longer waiting
    String officeTask = null;
    for (JsonNode row :
        get("/api/supervisor/groups/office-tributi/tasks", "supervisor").getBody()) {
      if (row.get("number").asText().equals(number)) officeTask = row.get("taskId").asText();
    }
    assertThat(
            get("/api/tasks/" + officeTask + "/candidates", "supervisor")
                .getBody()
                .findValuesAsText("userId"))
        .contains("office1");
    assertThat(
            post("/api/tasks/" + officeTask + "/assign", "supervisor", Map.of("userId", "office1"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    JsonNode assigned = group("office-tributi");
    assertThat(assigned.get("waiting").asLong()).isEqualTo(officeBefore.get("waiting").asLong());
    assertThat(assigned.get("inProgress").asLong())
        .isEqualTo(officeBefore.get("inProgress").asLong() + 1);
    assertThat(numbersWaitingIn("office-tributi")).doesNotContain(number);

    assertThat(get("/api/supervisor/groups/office-tributi/tasks", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("/api/supervisor/groups/no-such-group/tasks", "supervisor").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private static Map<String, String> escalate() {
    return Map.of("decision", "ESCALATE");
  }

  private String taskOf(String number, String user) {
    return get("/api/tasks?businessKey=" + number, user)
        .getBody()
        .get("items")
        .get(0)
        .get("id")
        .asText();
  }

  private java.util.List<String> numbersWaitingIn(String group) {
    return get("/api/supervisor/groups/" + group + "/tasks", "supervisor")
        .getBody()
        .findValuesAsText("number");
  }

  private JsonNode group(String code) {
    for (JsonNode group : get("/api/supervisor/overview", "supervisor").getBody().get("groups")) {
      if (group.get("group").asText().equals(code)) {
        return group;
      }
    }
    throw new AssertionError("no group " + code + " on the board");
  }
}
