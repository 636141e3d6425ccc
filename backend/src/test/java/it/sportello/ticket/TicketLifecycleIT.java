package it.sportello.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.processes.TicketProcess.Elements;
import it.sportello.ticket.application.TicketLifecycle;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A ticket's life end to end: REST in, real delegates, tasks through the worklist API, timers run
 * explicitly.
 */
class TicketLifecycleIT extends IntegrationTest {

  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TicketLifecycle lifecycle;
  @Autowired JdbcTemplate jdbc;

  @Test
  void newTicketWaitsAtLevel1InItsQueueDueAtTheTakeInChargeTarget() {
    JsonNode ticket = open("Informazioni sugli orari dello sportello");
    String number = ticket.get("number").asText();

    Task level1 = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();

    assertThat(level1.getTaskDefinitionKey()).isEqualTo(Elements.LEVEL1);
    assertThat(taskService.getIdentityLinksForTask(level1.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("general"));
    assertThat(level1.getDueDate().toInstant())
        .isEqualTo(OffsetDateTime.parse(ticket.at("/sla/takeInChargeDueAt").asText()).toInstant());
    assertThat(inbox("operator1", number)).hasSize(1);
    assertThat(inbox("operator2", number)).isEmpty();
  }

  @Test
  void level1SolvesAtFirstContactAndTheRequesterGetsTheAnswer() {
    String number = open("Come pago la TARI?").get("number").asText();
    String taskId = taskId("operator1", number);

    ResponseEntity<JsonNode> claim = post("/api/tasks/" + taskId + "/claim", "operator1", null);
    assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ticket(number).get("takenInChargeBy").asText()).isEqualTo("operator1");

    ResponseEntity<JsonNode> incomplete =
        complete(taskId, "operator1", Map.of("decision", "SOLVE"));
    assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(incomplete.getBody().get("errors").findValuesAsText("field"))
        .containsExactly("answer");
    assertThat(ticket(number).get("status").asText()).isEqualTo("IN_PROGRESS");

    assertThat(
            complete(
                    taskId,
                    "operator1",
                    Map.of("decision", "SOLVE", "answer", "Con il modello F24."))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode closed = ticket(number);
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("outcome").asText()).isEqualTo("SOLVED");
    assertThat(closed.get("answer").asText()).isEqualTo("Con il modello F24.");
    assertThat(closed.at("/sla/takeInChargeState").asText()).isEqualTo("MET");
    assertThat(closed.at("/sla/resolutionState").asText()).isEqualTo("MET");
    assertThat(closed.get("history").findValuesAsText("kind"))
        .containsSubsequence("RECEIVED", "CLASSIFIED", "TAKEN_IN_CHARGE", "SOLVED", "CLOSED");
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).count())
        .isZero();
    assertThat(
            jdbc.queryForList(
                "select template from sportello.notification_outbox n join sportello.ticket t"
                    + " on t.id = n.ticket_id where t.number = ?",
                String.class,
                number))
        .containsExactly("TICKET_CLOSED");
    assertThat(variableNames(number)).doesNotContain("answer");
  }

  @Test
  void escalationOfficeRejectionAndLevel3AreTracedUntilClosure() {
    String number = open("Rimborso IMU non ricevuto").get("number").asText();
    complete(
        taskId("operator1", number),
        "operator1",
        Map.of("decision", "ESCALATE", "note", "Serve verifica"));
    assertThat(ticket(number).get("currentLevel").asInt()).isEqualTo(2);

    complete(
        taskId("operator2", number),
        "operator2",
        Map.of("decision", "INVOLVE_OFFICE", "office", "office-tributi"));
    assertThat(ticket(number).get("status").asText()).isEqualTo("WAITING_FOR_OFFICE");

    String officeTask = taskId("office1", number);
    ResponseEntity<JsonNode> noReason =
        complete(officeTask, "office1", Map.of("decision", "REJECT"));
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody().get("errors").findValuesAsText("field"))
        .containsExactly("rejectionReason");
    complete(
        officeTask,
        "office1",
        Map.of(
            "decision",
            "REJECT",
            "rejectionReason",
            "Competenza dell'anagrafe",
            "suggestedOffice",
            "office-anagrafe"));

    String level3Task = taskId("operator2", number);
    assertThat(
            taskService.createTaskQuery().taskId(level3Task).singleResult().getTaskDefinitionKey())
        .isEqualTo(Elements.LEVEL3);
    ResponseEntity<JsonNode> sameOffice =
        complete(
            level3Task, "operator2", Map.of("decision", "REASSIGN", "office", "office-tributi"));
    assertThat(sameOffice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    complete(level3Task, "operator2", Map.of("decision", "REASSIGN", "office", "office-anagrafe"));
    Task anagrafe = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
    assertThat(anagrafe.getTaskDefinitionKey()).isEqualTo(Elements.OFFICE_ANSWER);
    assertThat(taskService.getIdentityLinksForTask(anagrafe.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("office-anagrafe"));
    assertThat(inbox("office1", number)).as("office1 is not in the Anagrafe office").isEmpty();

    // the Anagrafe office answers through the engine (no demo user sits in it): the same rules
    // apply
    taskService.complete(
        anagrafe.getId(),
        Map.of("officeDecision", "ANSWER", "answer", "Rimborso disposto il 3/12"));
    complete(
        taskId("operator2", number),
        "operator2",
        Map.of("decision", "SOLVE", "answer", "Il rimborso è stato disposto il 3 dicembre."));

    JsonNode closed = ticket(number);
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("history").findValuesAsText("kind"))
        .containsSubsequence(
            "ESCALATED_TO_LEVEL2",
            "OFFICE_ASSIGNED",
            "OFFICE_REJECTED",
            "REASSIGNED",
            "OFFICE_ANSWERED",
            "SOLVED",
            "CLOSED");
    JsonNode rejection = stepOf(closed, "OFFICE_REJECTED");
    assertThat(rejection.get("office").asText()).isEqualTo("office-tributi");
    assertThat(rejection.get("actor").asText()).isEqualTo("office1");
    assertThat(rejection.get("detail").asText())
        .contains("Competenza dell'anagrafe", "office-anagrafe");
    assertThat(stepOf(closed, "REASSIGNED").get("office").asText()).isEqualTo("office-anagrafe");
  }

  @Test
  void waitingForTheRequesterPausesTheSlaAndTheirMessageResumesIt() {
    String number = open("Certificato di residenza").get("number").asText();
    complete(
        taskId("operator1", number),
        "operator1",
        Map.of("decision", "REQUEST_DATA", "missingData", "Numero del documento di identità"));

    JsonNode waiting = ticket(number);
    assertThat(waiting.get("status").asText()).isEqualTo("WAITING_FOR_REQUESTER");
    assertThat(waiting.at("/sla/resolutionState").asText()).isEqualTo("PAUSED");
    assertThat(waiting.at("/sla/paused").asBoolean()).isTrue();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).count()).isZero();
    assertThat(
            jdbc.queryForObject(
                "select payload->>'missingData' from sportello.notification_outbox n join"
                    + " sportello.ticket t on t.id = n.ticket_id where t.number = ? and template = 'REQUEST_MISSING_DATA'",
                String.class,
                number))
        .isEqualTo("Numero del documento di identità");

    ResponseEntity<JsonNode> reply =
        post(
            "/api/tickets/" + number + "/messages",
            "api-client",
            Map.of("text", "Carta d'identità CA12345AA", "channel", "EMAIL"));

    assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(reply.getBody().get("resumedProcess").asBoolean()).isTrue();
    JsonNode resumed = ticket(number);
    assertThat(resumed.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(resumed.at("/sla/paused").asBoolean()).isFalse();
    assertThat(resumed.get("history").findValuesAsText("kind"))
        .containsSubsequence("DATA_REQUESTED", "REQUESTER_MESSAGE", "SLA_RESUMED");
    assertThat(inbox("operator1", number)).hasSize(1);
    Job resolutionTimer = timer(number, Elements.RESOLUTION_OVERDUE);
    assertThat(resolutionTimer.getDuedate().toInstant())
        .isEqualTo(OffsetDateTime.parse(resumed.at("/sla/resolutionDueAt").asText()).toInstant());
  }

  @Test
  void anExternalSystemPostsMessagesOnlyIntoTicketsItMayReadAndLearnsNothingOfTheOthers() {
    ResponseEntity<JsonNode> byOperator =
        post("/api/tickets", "operator1", ticketRequest(fiscalCode(), "Aperto allo sportello"));
    assertThat(byOperator.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String others = byOperator.getBody().get("number").asText();
    complete(
        taskId("operator1", others),
        "operator1",
        Map.of("decision", "REQUEST_DATA", "missingData", "Codice dell'avviso"));
    long interactionsBefore = interactions(others);

    ResponseEntity<JsonNode> intoOthers =
        post(
            "/api/tickets/" + others + "/messages",
            "api-client",
            Map.of("text", "Messaggio estraneo", "channel", "EMAIL"));
    ResponseEntity<JsonNode> intoNone =
        post(
            "/api/tickets/RS-1999-999999/messages",
            "api-client",
            Map.of("text", "Messaggio estraneo", "channel", "EMAIL"));

    assertThat(intoOthers.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(intoNone.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(intoOthers.getBody().get("title")).isEqualTo(intoNone.getBody().get("title"));
    assertThat(intoOthers.getBody().get("detail").asText())
        .isEqualTo(intoNone.getBody().get("detail").asText().replace("RS-1999-999999", others));
    JsonNode unchanged = ticket(others);
    assertThat(unchanged.get("status").asText()).isEqualTo("WAITING_FOR_REQUESTER");
    assertThat(unchanged.at("/sla/paused").asBoolean()).as("SLA clock still paused").isTrue();
    assertThat(unchanged.get("history").findValuesAsText("kind"))
        .doesNotContain("REQUESTER_MESSAGE", "SLA_RESUMED");
    assertThat(interactions(others)).isEqualTo(interactionsBefore);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(others).count())
        .as("the process still waits for the requester")
        .isZero();

    String own = open("Aperto dal sistema esterno").get("number").asText();
    complete(
        taskId("operator1", own),
        "operator1",
        Map.of("decision", "REQUEST_DATA", "missingData", "Codice dell'avviso"));
    ResponseEntity<JsonNode> intoOwn =
        post(
            "/api/tickets/" + own + "/messages",
            "api-client",
            Map.of("text", "Avviso 3012", "channel", "EMAIL"));
    assertThat(intoOwn.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(intoOwn.getBody().get("resumedProcess").asBoolean()).isTrue();
    assertThat(ticket(own).get("status").asText()).isEqualTo("IN_PROGRESS");
  }

  @Test
  void aReplyStillIncompleteClosesTheTicketWithAnInvitationToCall() {
    String number = open("Bonus idrico").get("number").asText();
    ResponseEntity<JsonNode> tooEarly =
        complete(
            taskId("operator1", number),
            "operator1",
            Map.of("decision", "CLOSE_INCOMPLETE", "missingData", "IBAN"));
    assertThat(tooEarly.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooEarly.getBody().toString()).contains("decision");

    complete(
        taskId("operator1", number),
        "operator1",
        Map.of("decision", "REQUEST_DATA", "missingData", "IBAN e ISEE"));
    post(
        "/api/tickets/" + number + "/messages",
        "api-client",
        Map.of("text", "Allego l'ISEE", "channel", "EMAIL"));
    assertThat(
            complete(
                    taskId("operator1", number),
                    "operator1",
                    Map.of("decision", "CLOSE_INCOMPLETE", "missingData", "IBAN"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode closed = ticket(number);
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("outcome").asText()).isEqualTo("CLOSED_DATA_INCOMPLETE");
    assertThat(closed.get("history").findValuesAsText("kind"))
        .containsSubsequence(
            "DATA_REQUESTED", "REQUESTER_MESSAGE", "DATA_INCOMPLETE", "CLOSED_DATA_INCOMPLETE");
    assertThat(
            jdbc.queryForObject(
                "select payload->>'missingData' from sportello.notification_outbox n join"
                    + " sportello.ticket t on t.id = n.ticket_id where t.number = ? and template ="
                    + " 'CLOSED_DATA_INCOMPLETE'",
                String.class,
                number))
        .isEqualTo("IBAN");
  }

  @Test
  void aSilentRequesterIsRemindedThenTheTicketClosesForNoReply() {
    String number = open("Richiesta senza seguito").get("number").asText();
    complete(
        taskId("operator1", number),
        "operator1",
        Map.of("decision", "REQUEST_DATA", "missingData", "Indirizzo"));

    managementService.executeJob(timer(number, Elements.REPLY_REMINDER_DUE).getId());
    assertThat(ticket(number).get("history").findValuesAsText("kind"))
        .contains("REQUESTER_REMINDED");
    managementService.executeJob(timer(number, Elements.REPLY_OVERDUE).getId());

    JsonNode closed = ticket(number);
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("outcome").asText()).isEqualTo("CLOSED_FOR_NO_REPLY");
    assertThat(
            post(
                    "/api/tickets/" + number + "/messages",
                    "api-client",
                    Map.of("text", "Troppo tardi"))
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void missedTakeInChargeRaisesPriorityFlagsTheTicketAndTellsSupervisorsOnce() {
    JsonNode opened = open("Nessuno mi risponde");
    String number = opened.get("number").asText();

    Job timer = timer(number, Elements.TAKE_IN_CHARGE_OVERDUE);
    clock.pin(timer.getDuedate().toInstant().plusSeconds(60));
    managementService.executeJob(timer.getId());
    lifecycle.takeInChargeOverdue(number);

    JsonNode escalated = ticket(number);
    assertThat(escalated.at("/sla/takeInChargeBreached").asBoolean()).isTrue();
    assertThat(escalated.at("/sla/takeInChargeState").asText()).isEqualTo("BREACHED");
    assertThat(escalated.get("priority").asInt()).isEqualTo(opened.get("priority").asInt() - 1);
    assertThat(
            jdbc.queryForList(
                "select recipient from sportello.notification_outbox n join sportello.ticket t"
                    + " on t.id = n.ticket_id where t.number = ? and template = 'TAKE_IN_CHARGE_OVERDUE'",
                String.class,
                number))
        .containsExactly(TicketLifecycle.SUPERVISORS_GROUP);
    assertThat(inbox("operator1", number)).as("level 1 keeps working").hasSize(1);
  }

  @Test
  void aTaskOfAnotherGroupCannotBeTakenOrCompleted() {
    String number = open("Task altrui").get("number").asText();
    String taskId = taskId("operator1", number);

    assertThat(post("/api/tasks/" + taskId + "/claim", "office1", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    post("/api/tasks/" + taskId + "/claim", "operator1", null);
    assertThat(post("/api/tasks/" + taskId + "/claim", "supervisor", null).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(post("/api/tasks/unknown-task/claim", "operator1", null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private JsonNode open(String subject) {
    ResponseEntity<JsonNode> response =
        post("/api/tickets", "api-client", ticketRequest(fiscalCode(), subject));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return response.getBody();
  }

  private long interactions(String number) {
    return jdbc.queryForObject(
        "select count(*) from sportello.interaction where ticket_number = ?", Long.class, number);
  }

  private JsonNode ticket(String number) {
    return get("/api/tickets/" + number, "supervisor").getBody();
  }

  private JsonNode inbox(String user, String number) {
    return get("/api/tasks?businessKey=" + number, user).getBody().get("items");
  }

  private String taskId(String user, String number) {
    JsonNode items = inbox(user, number);
    assertThat(items).as("tasks of %s for %s", user, number).hasSize(1);
    return items.get(0).get("id").asText();
  }

  private ResponseEntity<JsonNode> complete(String taskId, String user, Map<String, String> form) {
    return post("/api/tasks/" + taskId + "/complete", user, form);
  }

  private Job timer(String number, String activityId) {
    String instanceId =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(number)
            .singleResult()
            .getId();
    return managementService
        .createJobQuery()
        .processInstanceId(instanceId)
        .activityId(activityId)
        .singleResult();
  }

  private java.util.List<String> variableNames(String number) {
    return jdbc.queryForList(
        "select v.name_ from act_hi_varinst v join act_hi_procinst p"
            + " on p.id_ = v.proc_inst_id_ where p.business_key_ = ?",
        String.class,
        number);
  }

  private static JsonNode stepOf(JsonNode ticket, String kind) {
    for (JsonNode step : ticket.get("history")) {
      if (step.get("kind").asText().equals(kind)) {
        return step;
      }
    }
    throw new AssertionError("No step " + kind + " in " + ticket.get("history"));
  }
}
