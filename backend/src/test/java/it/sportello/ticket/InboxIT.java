package it.sportello.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The operator's inbox: rows carry the ticket, filters narrow them in the engine's query. */
class InboxIT extends IntegrationTest {

  @Test
  void rowsCarryTheTicketAndFiltersNarrowThem() {
    Map<String, Object> request = ticketRequest(fiscalCode(), "Rimborso bollo auto");
    request.put("category", Map.of("topic", "payments"));
    request.put("channel", "EMAIL");
    request.put("language", "en");
    String number = post("/api/tickets", "api-client", request).getBody().get("number").asText();

    JsonNode row = only(get("/api/inbox?number=" + number.substring(3).toLowerCase(), "operator1"));
    assertThat(row.get("subject").asText()).isEqualTo("Rimborso bollo auto");
    assertThat(row.get("requesterName").asText()).isEqualTo("Maria Bianchi");
    assertThat(row.get("queue").asText()).isEqualTo("payments");
    assertThat(row.get("slaState").asText()).isEqualTo("ON_TRACK");

    assertThat(numbers("/api/inbox?size=200&queue=payments&channel=EMAIL&language=en&type=Q"))
        .contains(number);
    assertThat(numbers("/api/inbox?size=200&queue=general")).doesNotContain(number);
    assertThat(numbers("/api/inbox?size=200&channel=PHONE")).doesNotContain(number);
    assertThat(numbers("/api/inbox?size=200&language=it")).doesNotContain(number);
  }

  @Test
  void rowsCountTheCitizensWaitAndTheBadgeMovesToResolutionOnceTaken() {
    JsonNode ticket =
        post("/api/tickets", "api-client", ticketRequest(fiscalCode(), "Attesa del cittadino"))
            .getBody();
    String number = ticket.get("number").asText();
    JsonNode waiting = only(get("/api/inbox?number=" + number, "operator1"));
    assertThat(Instant.parse(waiting.get("receivedAt").asText()))
        .as("the citizen's wait starts at the ticket's receipt")
        .isEqualTo(OffsetDateTime.parse(ticket.get("receivedAt").asText()).toInstant());
    assertThat(Instant.parse(waiting.get("slaDueAt").asText()))
        .as("before anyone takes it, the badge counts to the take-in-charge deadline")
        .isEqualTo(OffsetDateTime.parse(ticket.at("/sla/takeInChargeDueAt").asText()).toInstant());

    post("/api/tasks/" + waiting.get("taskId").asText() + "/claim", "operator1", null);

    JsonNode taken = only(get("/api/inbox?number=" + number, "operator1"));
    assertThat(Instant.parse(taken.get("slaDueAt").asText()))
        .as("taken in charge: the badge counts to the resolution deadline")
        .isEqualTo(OffsetDateTime.parse(ticket.at("/sla/resolutionDueAt").asText()).toInstant());
    assertThat(taken.get("receivedAt").asText()).isEqualTo(waiting.get("receivedAt").asText());
  }

  @Test
  void slaPriorityAndRequesterFiltersAgreeWithTheRows() {
    String fiscalCode = fiscalCode();
    // a surname of this test only: other tests' requesters are Maria Bianchi by the hundred
    String surname = "Quaglia" + fiscalCode.substring(0, 6).toLowerCase(java.util.Locale.ROOT);
    Map<String, Object> request = ticketRequest(fiscalCode, "Scadenza vicina");
    request.put(
        "requester",
        Map.of(
            "fiscalCode",
            fiscalCode,
            "name",
            "Maria " + surname,
            "email",
            "maria.quaglia@example.it"));
    JsonNode ticket = post("/api/tickets", "api-client", request).getBody();
    String number = ticket.get("number").asText();
    // other tests' tickets fill the inbox beyond any page: each filter is judged on this ticket
    int priority = ticket.get("priority").asInt();
    Instant due = OffsetDateTime.parse(ticket.at("/sla/takeInChargeDueAt").asText()).toInstant();

    assertThat(numbers("/api/inbox?size=200&number=" + number + "&sla=ON_TRACK")).contains(number);
    assertThat(numbers("/api/inbox?size=200&number=" + number + "&sla=AT_RISK"))
        .doesNotContain(number);
    assertThat(numbers("/api/inbox?size=200&number=" + number + "&priority=" + priority))
        .contains(number);
    assertThat(numbers("/api/inbox?size=200&number=" + number + "&priority=" + (priority % 4 + 1)))
        .doesNotContain(number);

    clock.pin(due.minus(Duration.ofMinutes(5)));
    JsonNode atRisk = only(get("/api/inbox?sla=AT_RISK&requester=" + fiscalCode, "operator1"));
    assertThat(atRisk.get("number").asText()).isEqualTo(number);
    assertThat(atRisk.get("slaState").asText())
        .as("the filter and the row's badge agree")
        .isEqualTo("AT_RISK");
    assertThat(numbers("/api/inbox?size=200&number=" + number + "&sla=ON_TRACK"))
        .doesNotContain(number);

    clock.pin(due.plus(Duration.ofMinutes(1)));
    JsonNode breached = only(get("/api/inbox?sla=BREACHED&requester=" + fiscalCode, "operator1"));
    assertThat(breached.get("slaState").asText()).isEqualTo("BREACHED");
    assertThat(numbers("/api/inbox?size=200&number=" + number + "&sla=AT_RISK"))
        .doesNotContain(number);

    // part of the name, in another case
    assertThat(
            numbers(
                "/api/inbox?requester=" + surname.substring(1).toUpperCase(java.util.Locale.ROOT)))
        .containsExactly(number);
    assertThat(
            get("/api/inbox?requester=nessuno-si-chiama-cosi", "operator1")
                .getBody()
                .get("totalElements")
                .asLong())
        .isZero();
    assertThat(get("/api/inbox?sla=MET", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void openInboxesAreToldWhenTasksChange() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest subscribe =
        HttpRequest.newBuilder(URI.create(rest.getRootUri() + "/api/me/events"))
            .header(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString("operator1:demo".getBytes()))
            .header("Accept", "text/event-stream")
            .build();
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpResponse<Stream<String>> stream =
        client.send(subscribe, HttpResponse.BodyHandlers.ofLines());
    Thread reader = new Thread(() -> stream.body().forEach(lines::add));
    reader.setDaemon(true);
    reader.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:ready"));

    post("/api/tickets", "api-client", ticketRequest(fiscalCode(), "Evento per le caselle"));

    await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("data:changed"));
    assertThat(lines).contains("event:inbox");
  }

  private java.util.List<String> numbers(String path) {
    return get(path, "operator1").getBody().get("items").findValuesAsText("number");
  }

  private static JsonNode only(org.springframework.http.ResponseEntity<JsonNode> response) {
    assertThat(response.getBody().get("items")).hasSize(1);
    return response.getBody().get("items").get(0);
  }
}
