package it.sportello.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.TestCategories;
import it.sportello.processes.TicketProcess.Elements;
import it.sportello.sla.SlaService;
import it.sportello.sla.SlaTargets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Links, merge of duplicates and reclassification, through the API on the running process. */
class TicketMergeIT extends IntegrationTest {

  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired SlaService sla;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aDuplicateOfTheSameRequesterIsMergedClosedThroughItsProcessAndARetryChangesNothing() {
    String requester = fiscalCode();
    String primary = open(requester, "Rimborso TARI");
    String duplicate = open(requester, "Rimborso TARI (di nuovo)");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(duplicate).count())
        .isEqualTo(1);

    ResponseEntity<JsonNode> merged =
        post("/api/tickets/" + duplicate + "/merge", "operator1", Map.of("into", primary));

    assertThat(merged.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(merged.getBody().get("replayed").asBoolean()).isFalse();
    JsonNode closed = get("/api/tickets/" + duplicate, "operator1").getBody();
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("outcome").asText()).isEqualTo("DUPLICATE");
    assertThat(steps(closed, "MERGED_INTO")).containsExactly(primary);
    assertThat(steps(closed, "CLOSED_AS_DUPLICATE")).hasSize(1);
    assertThat(steps(get("/api/tickets/" + primary, "operator1").getBody(), "MERGED_IN"))
        .containsExactly(duplicate);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(duplicate).count())
        .as("the duplicate's tasks ended")
        .isZero();
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(duplicate)
                .count())
        .as("its process, with its SLA timers, ended")
        .isZero();
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(primary).count())
        .isEqualTo(1);
    JsonNode links = get("/api/tickets/" + primary + "/links", "operator1").getBody();
    assertThat(links.findValuesAsText("number")).containsExactly(duplicate);
    assertThat(links.get(0).get("kind").asText()).isEqualTo("DUPLICATE");
    assertThat(links.get(0).get("merge").asText()).isEqualTo("MERGED_IN");
    assertThat(
            get("/api/tickets/" + duplicate + "/links", "operator1")
                .getBody()
                .get(0)
                .get("merge")
                .asText())
        .isEqualTo("MERGED_INTO");

    ResponseEntity<JsonNode> retry =
        post("/api/tickets/" + duplicate + "/merge", "operator1", Map.of("into", primary));

    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(retry.getBody().get("replayed").asBoolean()).isTrue();
    assertThat(steps(get("/api/tickets/" + duplicate, "operator1").getBody(), "MERGED_INTO"))
        .hasSize(1);

    // the requester writes again on the duplicate's number: it goes on in the primary
    ResponseEntity<JsonNode> message =
        post(
            "/api/tickets/" + duplicate + "/messages",
            "operator1",
            Map.of("text", "Allego la ricevuta."));
    assertThat(message.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(steps(get("/api/tickets/" + primary, "operator1").getBody(), "REQUESTER_MESSAGE"))
        .containsExactly("Allego la ricevuta.");
  }

  @Test
  void ticketsOfAnotherRequesterAreNotMergedAndAnotherLevelMayNotMerge() {
    String primary = open(fiscalCode(), "Richiesta A");
    String other = open(fiscalCode(), "Richiesta B");

    ResponseEntity<JsonNode> refused =
        post("/api/tickets/" + other + "/merge", "operator1", Map.of("into", primary));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refused.getBody().get("detail").asText()).contains("different requesters");
    assertThat(get("/api/tickets/" + other, "operator1").getBody().get("status").asText())
        .isEqualTo("OPEN");

    String requester = fiscalCode();
    String first = open(requester, "Richiesta C");
    String second = open(requester, "Richiesta C bis");
    assertThat(
            post("/api/tickets/" + second + "/merge", "operator2", Map.of("into", first))
                .getStatusCode())
        .as("level 2 does not change tickets at level 1")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post("/api/tickets/" + second + "/merge", "operator1", Map.of("into", second))
                .getBody()
                .get("errors")
                .findValuesAsText("field"))
        .containsExactly("into");
    assertThat(
            post("/api/tickets/" + second + "/merge", "auditor", Map.of("into", first))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anUnknownRequesterIsMergedOnlyWhenASupervisorConfirmsItIsTheSamePerson() {
    String primary = open(fiscalCode(), "Lampione spento");
    String anonymous = open(fiscalCode(), "Lampione spento, segnalazione senza nome");
    // a senderless letter or a voicemail: a requester with nothing to recognise them by
    long unknown =
        jdbc.queryForObject(
            "insert into sportello.contact (kind, name, created_at, updated_at)"
                + " values ('PERSON', null, now(), now()) returning id",
            Long.class);
    jdbc.update(
        "update sportello.ticket set requester_id = ? where number = ?", unknown, anonymous);
    Map<String, Object> confirmed = Map.of("into", primary, "requesterConfirmed", true);

    ResponseEntity<JsonNode> unconfirmed =
        post("/api/tickets/" + anonymous + "/merge", "operator1", Map.of("into", primary));
    assertThat(unconfirmed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(unconfirmed.getBody().get("detail").asText()).contains("supervisor may confirm");
    assertThat(post("/api/tickets/" + anonymous + "/merge", "operator1", confirmed).getStatusCode())
        .as("an operator may not confirm")
        .isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<JsonNode> merged =
        post("/api/tickets/" + anonymous + "/merge", "supervisor", confirmed);

    assertThat(merged.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("/api/tickets/" + anonymous, "supervisor").getBody().get("outcome").asText())
        .isEqualTo("DUPLICATE");
  }

  @Test
  void severalTicketsAreClosedAsDuplicatesOfOneWithAResultEach() {
    String requester = fiscalCode();
    String primary = open(requester, "Bolletta");
    String a = open(requester, "Bolletta 2");
    String b = open(requester, "Bolletta 3");
    String stranger = open(fiscalCode(), "Altro");

    JsonNode results =
        post(
                "/api/tickets/merge",
                "supervisor",
                Map.of("into", primary, "numbers", List.of(a, b, stranger)))
            .getBody()
            .get("results");

    assertThat(results.findValuesAsText("result")).containsExactly("MERGED", "MERGED", "FAILED");
    assertThat(results.get(2).get("status").asInt()).isEqualTo(409);
    assertThat(
            post("/api/tickets/merge", "supervisor", Map.of("into", primary, "numbers", List.of(a)))
                .getBody()
                .get("results")
                .findValuesAsText("result"))
        .containsExactly("ALREADY_MERGED");
  }

  @Test
  void linksAreSeenFromBothTicketsAndRemovedWithBothPathsTellingIt() {
    String requester = fiscalCode();
    String one = open(requester, "Passo carrabile");
    String two = open(requester, "Passo carrabile, altra via");

    ResponseEntity<JsonNode> linked =
        post(
            "/api/tickets/" + one + "/links", "operator1", Map.of("other", two, "kind", "RELATED"));
    assertThat(linked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(
            post(
                    "/api/tickets/" + one + "/links",
                    "operator1",
                    Map.of("other", two, "kind", "RELATED"))
                .getStatusCode())
        .as("linking again changes nothing")
        .isEqualTo(HttpStatus.OK);
    JsonNode fromTwo = get("/api/tickets/" + two + "/links", "operator1").getBody();
    assertThat(fromTwo.findValuesAsText("number")).containsExactly(one);
    assertThat(fromTwo.get(0).get("kind").asText()).isEqualTo("RELATED");

    assertThat(
            call(HttpMethod.DELETE, "/api/tickets/" + two + "/links/" + one, "operator1", null)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(get("/api/tickets/" + one + "/links", "operator1").getBody()).isEmpty();
    JsonNode path = get("/api/tickets/" + one, "operator1").getBody();
    assertThat(steps(path, "LINKED")).containsExactly(two);
    assertThat(steps(path, "UNLINKED")).containsExactly(two);
    assertThat(
            post(
                    "/api/tickets/" + one + "/links",
                    "operator1",
                    Map.of("other", "RS-1900-999999", "kind", "RELATED"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aNewQueueMovesTheTaskToItsGroupAndIsTracedAndTheSameRequestAgainChangesNothing() {
    String number = open(fiscalCode(), "Accesso al portale");
    TestCategories.Classification classification = TestCategories.create(jdbc);
    String topic = classification.topic();
    String reason = classification.reason();
    Map<String, Object> change =
        Map.of(
            "queue", "payments", "priority", 2, "category", reason, "reason", "Riguarda la TARI");

    ResponseEntity<JsonNode> response =
        post("/api/tickets/" + number + "/classification", "operator1", change);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody().get("changed").toString())
        .contains("queue: general → payments")
        .contains("priority: ");
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
    assertThat(
            taskService.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .toList())
        .contains("payments")
        .doesNotContain("general");
    JsonNode ticket = get("/api/tickets/" + number, "operator1").getBody();
    assertThat(ticket.get("queue").asText()).isEqualTo("payments");
    assertThat(ticket.get("priority").asInt()).isEqualTo(2);
    assertThat(ticket.get("category").get("topic").asText()).isEqualTo(topic);
    assertThat(ticket.get("category").get("reason").asText()).isEqualTo(reason);
    List<JsonNode> reclassified = stepNodes(ticket, "RECLASSIFIED");
    assertThat(reclassified).hasSize(1);
    assertThat(reclassified.get(0).get("actor").asText()).isEqualTo("operator1");
    assertThat(reclassified.get(0).get("detail").asText())
        .contains("queue: general → payments")
        .contains("Riguarda la TARI");

    ResponseEntity<JsonNode> again =
        post("/api/tickets/" + number + "/classification", "operator1", change);
    assertThat(again.getBody().get("changed")).isEmpty();
    assertThat(stepNodes(get("/api/tickets/" + number, "operator1").getBody(), "RECLASSIFIED"))
        .hasSize(1);
  }

  @Test
  void unknownCodesAnswer400NamingEachFieldAndChangeNothing() {
    String number = open(fiscalCode(), "Codici sbagliati");

    ResponseEntity<JsonNode> response =
        post(
            "/api/tickets/" + number + "/classification",
            "operator1",
            Map.of(
                "queue", "nowhere", "type", "ZZ", "category", "no-such-category", "reason", " "));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("errors").findValuesAsText("field"))
        .contains("queue", "type", "category", "reason");
    assertThat(get("/api/tickets/" + number, "operator1").getBody().get("queue").asText())
        .isEqualTo("general");
  }

  @Test
  void aTypeWhosePolicyDiffersRecomputesTheDeadlinesFromTheReceiptAndMovesTimersAndTask() {
    // a voicemail is taken in charge from the next working day (policy VOICEMAIL); as a privacy
    // question the decision gives STANDARD: counted from the receipt
    ZonedDateTime received =
        ZonedDateTime.now(sla.calendar().zone())
            .minusWeeks(1)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY))
            .with(LocalTime.of(10, 0));
    Map<String, Object> request = ticketRequest(fiscalCode(), "Segreteria telefonica");
    request.put("channel", "VOICEMAIL");
    request.put("receivedAt", received.toOffsetDateTime().toString());
    ResponseEntity<JsonNode> opened = post("/api/tickets", "operator1", request);
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = opened.getBody().get("number").asText();
    JsonNode before = get("/api/tickets/" + number, "operator1").getBody();
    assertThat(before.get("sla").get("policy").asText()).isEqualTo("VOICEMAIL");
    SlaTargets expected = sla.targets("STANDARD", received.toInstant());
    assertThat(instant(before.get("sla").get("takeInChargeDueAt")))
        .isNotEqualTo(expected.takeInChargeDueAt());

    ResponseEntity<JsonNode> response =
        post(
            "/api/tickets/" + number + "/classification",
            "operator1",
            Map.of("type", "PQ", "queue", "privacy", "reason", "È una richiesta sulla privacy"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody().get("deadlinesMoved").asBoolean()).isTrue();
    JsonNode after = get("/api/tickets/" + number, "operator1").getBody();
    assertThat(after.get("type").asText()).isEqualTo("PQ");
    assertThat(after.get("sla").get("policy").asText()).isEqualTo("STANDARD");
    assertThat(instant(after.get("sla").get("takeInChargeDueAt")))
        .isEqualTo(expected.takeInChargeDueAt());
    assertThat(instant(after.get("sla").get("resolutionDueAt")))
        .isEqualTo(expected.resolutionDueAt());
    String processId =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(number)
            .singleResult()
            .getId();
    assertThat(
            managementService
                .createJobQuery()
                .processInstanceId(processId)
                .activityId(Elements.TAKE_IN_CHARGE_OVERDUE)
                .singleResult()
                .getDuedate()
                .toInstant())
        .as("the take-in-charge timer moved")
        .isEqualTo(expected.takeInChargeDueAt());
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
    assertThat(task.getDueDate().toInstant()).isEqualTo(expected.takeInChargeDueAt());
    assertThat(
            taskService.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .toList())
        .contains("privacy")
        .doesNotContain("general");
    assertThat(stepNodes(after, "RECLASSIFIED").get(0).get("detail").asText())
        .contains("sla: VOICEMAIL → STANDARD");
  }

  private String open(String fiscalCode, String subject) {
    ResponseEntity<JsonNode> response =
        post("/api/tickets", "operator1", ticketRequest(fiscalCode, subject));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return response.getBody().get("number").asText();
  }

  private static List<String> steps(JsonNode ticket, String kind) {
    return stepNodes(ticket, kind).stream().map(step -> step.get("detail").asText()).toList();
  }

  private static List<JsonNode> stepNodes(JsonNode ticket, String kind) {
    List<JsonNode> found = new ArrayList<>();
    ticket
        .get("history")
        .forEach(
            step -> {
              if (kind.equals(step.get("kind").asText())) {
                found.add(step);
              }
            });
    return found;
  }

  private static Instant instant(JsonNode value) {
    return OffsetDateTime.parse(value.asText()).toInstant();
  }
}
