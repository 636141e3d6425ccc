package it.sportello.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.sla.SlaService;
import it.sportello.ticket.application.SlaRiskWatch;
import it.sportello.ticket.application.TicketLifecycle;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Being aware of others: notifications in the application, once per event, for the right people,
 * read per user; and who is on a ticket, expiring without heartbeats.
 */
class AwareOfOthersIT extends IntegrationTest {

  @Autowired TicketLifecycle lifecycle;
  @Autowired SlaRiskWatch riskWatch;
  @Autowired SlaService sla;
  @Autowired InAppNotifications inApp;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aRequesterReplyReachesTheOperatorWhoHoldsTheTicketOnlyAndOnce() {
    String number = open("Risposta del cittadino");
    String taskId = taskId("operator1", number);
    assertThat(post("/api/tasks/" + taskId + "/claim", "operator1", null).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    assertThat(
            post(
                    "/api/tickets/" + number + "/messages",
                    "api-client",
                    Map.of("text", "Ecco i dati"))
                .getStatusCode()
                .is2xxSuccessful())
        .isTrue();

    assertThat(kinds("operator1", number)).containsOnlyOnce("REQUESTER_REPLIED");
    assertThat(kinds("operator3", number))
        .as("a colleague of the same queue")
        .doesNotContain("REQUESTER_REPLIED");
    assertThat(kinds("operator2", number)).isEmpty();
    JsonNode item = item("operator1", number);
    assertThat(item.get("taskId").asText()).isEqualTo(taskId);
    assertThat(item.at("/params/channel").asText()).isNotBlank();
    assertThat(mine("operator1").get("unreadTickets").findValuesAsText("ticketNumber"))
        .contains(number);
  }

  @Test
  void theSameEventTwiceMakesOneNotification() {
    String number = open("Evento ripetuto");
    for (int i = 0; i < 2; i++) {
      inApp.publish(
          number + ":test-event",
          AppNotificationKind.REQUESTER_REPLIED,
          number,
          Map.of(),
          List.of(Recipient.user("operator1"), Recipient.group("supervisor")));
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.app_notification where dedup_key = ?",
                Integer.class,
                number + ":test-event"))
        .isEqualTo(2);
    assertThat(kinds("operator1", number)).containsOnlyOnce("REQUESTER_REPLIED");
    assertThat(kinds("supervisor", number)).containsOnlyOnce("REQUESTER_REPLIED");
  }

  @Test
  void aGroupNotificationIsSeenByEveryMemberAndReadByEachOnTheirOwn() {
    String number = open("Nessuno l'ha presa");
    post("/api/tickets/" + number + "/messages", "api-client", Map.of("text", "Sollecito"));

    assertThat(kinds("operator1", number)).containsOnlyOnce("REQUESTER_REPLIED");
    assertThat(kinds("operator3", number)).containsOnlyOnce("REQUESTER_REPLIED");
    assertThat(kinds("operator2", number)).as("not in the queue's group").isEmpty();

    long id = item("operator1", number).get("id").asLong();
    long before = mine("operator1").get("unread").asLong();
    assertThat(post("/api/notifications/" + id + "/read", "operator1", null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(item("operator1", number).get("read").asBoolean()).isTrue();
    assertThat(mine("operator1").get("unread").asLong()).isEqualTo(before - 1);
    assertThat(mine("operator1").get("unreadTickets").findValuesAsText("ticketNumber"))
        .doesNotContain(number);
    assertThat(item("operator3", number).get("read").asBoolean()).isFalse();
    assertThat(post("/api/notifications/" + id + "/read", "operator2", null).getStatusCode())
        .as("not one of operator2's")
        .isEqualTo(HttpStatus.NOT_FOUND);

    assertThat(
            post("/api/notifications/read-all?ticket=" + number, "operator3", null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(item("operator3", number).get("read").asBoolean()).isTrue();
  }

  @Test
  void anAssignmentTellsTheAssigneeWhoAssignedIt() {
    String number = open("Da assegnare");
    String taskId = taskId("operator1", number);

    assertThat(
            post("/api/tasks/" + taskId + "/assign", "supervisor", Map.of("userId", "operator3"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(kinds("operator3", number)).containsOnlyOnce("ASSIGNED");
    assertThat(item("operator3", number).at("/params/by").asText()).isEqualTo("supervisor");
    // and by the name the directory has, for "Name (user id)"
    assertThat(item("operator3", number).at("/params/byName").asText())
        .isEqualTo("supervisor (demo)");
    assertThat(kinds("operator1", number)).doesNotContain("ASSIGNED");
  }

  @Test
  void aMissedResolutionReachesTheAssigneeAndTheSupervisorsOnce() {
    String number = open("Risoluzione in ritardo");
    String taskId = taskId("operator1", number);
    post("/api/tasks/" + taskId + "/claim", "operator1", null);
    Instant due =
        OffsetDateTime.parse(ticket(number).at("/sla/resolutionDueAt").asText()).toInstant();

    clock.pin(due.plusSeconds(60));
    lifecycle.resolutionOverdue(number);
    lifecycle.resolutionOverdue(number);

    assertThat(kinds("operator1", number)).containsOnlyOnce("RESOLUTION_OVERDUE");
    assertThat(kinds("supervisor", number)).containsOnlyOnce("RESOLUTION_OVERDUE");
    assertThat(kinds("operator3", number)).doesNotContain("RESOLUTION_OVERDUE");
    assertThat(
            jdbc.queryForList(
                "select n.status from sportello.notification_outbox n join sportello.ticket t"
                    + " on t.id = n.ticket_id where t.number = ? and n.channel = 'INBOX'",
                String.class,
                number))
        .as("the escalation in the outbox is delivered in the application")
        .containsExactly("SENT");
  }

  @Test
  void theEscalationOfAMissedTakeInChargeIsVisibleToTheSupervisor() {
    String number = open("Nessuno mi risponde ancora");
    Instant due =
        OffsetDateTime.parse(ticket(number).at("/sla/takeInChargeDueAt").asText()).toInstant();

    clock.pin(due.plusSeconds(60));
    lifecycle.takeInChargeOverdue(number);

    assertThat(kinds("supervisor", number)).containsOnlyOnce("TAKE_IN_CHARGE_OVERDUE");
    assertThat(item("supervisor", number).at("/params/dueAt").asText()).isEqualTo(due.toString());
  }

  @Test
  void aDeadlineAtRiskIsNotifiedOnceToTheQueueAndTheSupervisors() {
    String number = open("Quasi in ritardo");
    JsonNode opened = ticket(number);
    Instant due = OffsetDateTime.parse(opened.at("/sla/takeInChargeDueAt").asText()).toInstant();
    Instant atRiskFrom =
        sla.atRiskFrom(sla.policy(opened.at("/sla/policy").asText()).takeInCharge(), due);

    clock.pin(atRiskFrom.plusSeconds(1));
    riskWatch.scan();
    riskWatch.scan();

    assertThat(kinds("supervisor", number)).containsOnlyOnce("TAKE_IN_CHARGE_AT_RISK");
    assertThat(kinds("operator1", number)).containsOnlyOnce("TAKE_IN_CHARGE_AT_RISK");
    assertThat(kinds("operator2", number)).isEmpty();
  }

  @Test
  void presenceShowsWhoIsReplyingAndExpiresWithoutHeartbeats() {
    String number = open("Due operatori");
    Instant now = Instant.now();
    clock.pin(now);

    assertThat(
            call(
                    HttpMethod.PUT,
                    "/api/presence/" + number,
                    "operator1",
                    Map.of("activity", "REPLYING"))
                .getBody()
                .get("others"))
        .isEmpty();
    JsonNode others =
        call(HttpMethod.PUT, "/api/presence/" + number, "operator3", Map.of("activity", "VIEWING"))
            .getBody()
            .get("others");
    assertThat(others.findValuesAsText("userId")).containsExactly("operator1");
    assertThat(others.findValuesAsText("activity")).containsExactly("REPLYING");
    assertThat(
            get("/api/presence/" + number, "operator1")
                .getBody()
                .get("others")
                .findValuesAsText("userId"))
        .containsExactly("operator3");

    clock.pin(now.plusSeconds(31));
    assertThat(get("/api/presence/" + number, "operator3").getBody().get("others")).isEmpty();

    call(HttpMethod.PUT, "/api/presence/" + number, "operator1", Map.of("activity", "VIEWING"));
    assertThat(
            call(HttpMethod.DELETE, "/api/presence/" + number, "operator1", null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(get("/api/presence/" + number, "operator3").getBody().get("others")).isEmpty();

    ResponseEntity<JsonNode> invalid =
        call(HttpMethod.PUT, "/api/presence/" + number, "operator1", Map.of());
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("/api/presence/" + number, "auditor").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private String open(String subject) {
    ResponseEntity<JsonNode> response =
        post("/api/tickets", "api-client", ticketRequest(fiscalCode(), subject));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return response.getBody().get("number").asText();
  }

  private JsonNode ticket(String number) {
    return get("/api/tickets/" + number, "supervisor").getBody();
  }

  private String taskId(String user, String number) {
    JsonNode items = get("/api/tasks?businessKey=" + number, user).getBody().get("items");
    assertThat(items).hasSize(1);
    return items.get(0).get("id").asText();
  }

  private JsonNode mine(String user) {
    ResponseEntity<JsonNode> response = get("/api/notifications", user);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private JsonNode ofTicket(String user, String number) {
    ResponseEntity<JsonNode> response = get("/api/notifications?ticket=" + number, user);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody().get("items");
  }

  private List<String> kinds(String user, String number) {
    List<String> kinds = new ArrayList<>();
    ofTicket(user, number)
        .forEach(
            item -> {
              if (item.get("ticketNumber").asText().equals(number)) {
                kinds.add(item.get("kind").asText());
              }
            });
    return kinds;
  }

  private JsonNode item(String user, String number) {
    for (JsonNode item : ofTicket(user, number)) {
      if (item.get("ticketNumber").asText().equals(number)) {
        return item;
      }
    }
    throw new AssertionError("no notification of " + number + " for " + user);
  }
}
