package it.sportello.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 22 item 3, PULL: the inbox narrowed to a queue lists its tickets in the queue's policy
 * order. Under SKILLS each of three operators with different skills sees six tickets of different
 * languages and topics in their own order (best match first, then deadline); under FIFO all see the
 * deadline order (ADR 0032).
 */
class InboxPolicyOrderIT extends DistributionTestSupport {

  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  /** The six tickets, t0..t5, of one requester nobody else has. */
  List<String> tickets = new ArrayList<>();

  String requester;
  String queue;

  @BeforeEach
  void sixTicketsOfOneQueueInThreeLanguagesAndTwoTopics() {
    requester = "Ordine" + UUID.randomUUID().toString().substring(0, 8);
    String[][] facts = {
      {"it", "tari"}, {"en", "tari"}, {"de", "imu"}, {"it", "imu"}, {"en", "imu"}, {"de", "tari"}
    };
    // the later a ticket, the nearer its deadline: the deadline's order is t5, t4, ..., t0
    Instant base = Instant.now().plus(Duration.ofDays(2));
    for (int i = 0; i < facts.length; i++) {
      Map<String, Object> request = ticketRequest(fiscalCode(), "Ordine della coda " + i);
      request.put(
          "requester",
          Map.of(
              "fiscalCode", fiscalCode(),
              "name", requester + " Rossi",
              "email", requester.toLowerCase() + i + "@example.it"));
      String number = post("/api/tickets", "api-client", request).getBody().get("number").asText();
      String instance =
          runtimeService
              .createProcessInstanceQuery()
              .processInstanceBusinessKey(number)
              .singleResult()
              .getId();
      runtimeService.setVariable(instance, "language", facts[i][0]);
      runtimeService.setVariable(instance, "topic", facts[i][1]);
      Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
      task.setDueDate(java.util.Date.from(base.plus(Duration.ofHours(10 - i))));
      taskService.saveTask(task);
      queue = (String) runtimeService.getVariable(instance, "queue");
      tickets.add(number);
    }
  }

  @AfterEach
  void backToTheDefaultPolicy() {
    policy("FIFO");
  }

  @Test
  void eachOperatorSeesTheQueueInTheOrderOfTheirSkillsThenByDeadline() {
    String a = operator("a");
    String b = operator("b");
    String c = operator("c");
    skill(a, "LANGUAGE", "de", 5);
    skill(a, "LANGUAGE", "it", 2);
    skill(b, "LANGUAGE", "en", 5);
    skill(b, "TOPIC", "tari", 3);
    skill(c, "LANGUAGE", "it", 4);
    skill(c, "LANGUAGE", "en", 4);
    skill(c, "TOPIC", "imu", 5);

    policy("SKILLS");
    // a: German (50) by deadline, Italian (20), English last (not spoken)
    assertThat(inbox(a)).containsExactly(t(5), t(2), t(3), t(0), t(4), t(1));
    // b: English on TARI (53), English on IMU (50), then the languages b does not speak
    assertThat(inbox(b)).containsExactly(t(1), t(4), t(5), t(3), t(2), t(0));
    // c: IMU in a language c speaks (45) by deadline, TARI likewise (40), German last
    assertThat(inbox(c)).containsExactly(t(4), t(3), t(1), t(0), t(5), t(2));
    // pages follow the same order
    assertThat(inbox(c, "&size=4&page=1")).containsExactly(t(5), t(2));

    policy("FIFO");
    for (String operator : List.of(a, b, c)) {
      assertThat(inbox(operator)).containsExactly(t(5), t(4), t(3), t(2), t(1), t(0));
    }
  }

  private String t(int i) {
    return tickets.get(i);
  }

  private List<String> inbox(String operator) {
    return inbox(operator, "&size=50");
  }

  private List<String> inbox(String operator, String paging) {
    ResponseEntity<JsonNode> response =
        get("/api/inbox?queue=" + queue + "&requester=" + requester + paging, operator);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
    return response.getBody().get("items").findValuesAsText("number");
  }

  private String operator(String suffix) {
    String id = requester.toLowerCase() + "-" + suffix;
    return "level1".equals(queue)
        ? TestUsers.create(identityService, id, "level1")
        : TestUsers.create(identityService, id, "level1", queue);
  }

  private void policy(String policy) {
    policy(queue, policy, "PULL", 30, 2);
  }
}
