package it.sportello.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ticket API as an external system uses it: open, idempotency, validation, reads, history. */
class TicketApiIT extends IntegrationTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void apiClientOpensATicketThatIsClassifiedQueuedAndTimed() {
    Map<String, Object> request = ticketRequest(fiscalCode(), "Pagamento TARI non registrato");
    request.put("category", Map.of("topic", "payments", "reason", "tari"));

    ResponseEntity<JsonNode> response = post("/api/tickets", "api-client", request);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode ticket = response.getBody();
    String number = ticket.get("number").asText();
    assertThat(number).matches("RS-\\d{4}-\\d{6}");
    assertThat(response.getHeaders().getLocation()).hasPath("/api/tickets/" + number);
    assertThat(ticket.get("status").asText()).isEqualTo("OPEN");
    assertThat(ticket.get("type").asText()).isEqualTo("Q");
    assertThat(ticket.get("queue").asText()).isEqualTo("payments");
    assertThat(ticket.get("priority").asInt()).isEqualTo(3);
    assertThat(ticket.get("context").get("errorCode").asText()).isEqualTo("E-402");
    OffsetDateTime receivedAt = OffsetDateTime.parse(ticket.get("receivedAt").asText());
    OffsetDateTime takeInChargeDue =
        OffsetDateTime.parse(ticket.at("/sla/takeInChargeDueAt").asText());
    OffsetDateTime resolutionDue = OffsetDateTime.parse(ticket.at("/sla/resolutionDueAt").asText());
    assertThat(takeInChargeDue).isAfter(receivedAt);
    assertThat(resolutionDue).isAfter(takeInChargeDue);
    assertThat(ticket.at("/sla/takeInChargeDueAt").asText()).matches(".*[+-]\\d{2}:\\d{2}");
    assertThat(ticket.at("/sla/takeInChargeState").asText()).isEqualTo("ON_TRACK");
    assertThat(ticket.at("/sla/resolutionState").asText()).isEqualTo("ON_TRACK");

    JsonNode read = get("/api/tickets/" + number, "operator1").getBody();
    assertThat(read.get("subject").asText()).isEqualTo("Pagamento TARI non registrato");
    assertThat(read.get("history").findValuesAsText("kind"))
        .containsExactly("RECEIVED", "CLASSIFIED");
  }

  @Test
  void sameIdempotencyKeyReturnsTheSameTicketAndNeverADuplicate() {
    Map<String, Object> request = ticketRequest(fiscalCode(), "Richiesta duplicata per timeout");
    Map<String, String> key =
        Map.of("Idempotency-Key", "client-42-" + Instant.now().toEpochMilli());

    ResponseEntity<JsonNode> first =
        call(HttpMethod.POST, "/api/tickets", "api-client", request, key);
    ResponseEntity<JsonNode> retry =
        call(HttpMethod.POST, "/api/tickets", "api-client", request, key);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(retry.getBody().get("number")).isEqualTo(first.getBody().get("number"));
    assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
    assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.ticket where subject = ?",
                Long.class,
                "Richiesta duplicata per timeout"))
        .isEqualTo(1);

    request.put("subject", "Another request under the same key");
    ResponseEntity<JsonNode> misuse =
        call(HttpMethod.POST, "/api/tickets", "api-client", request, key);
    assertThat(misuse.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(misuse.getBody().get("detail").asText())
        .contains(first.getBody().get("number").asText());
  }

  @Test
  void missingAndInvalidFieldsAnswer400ProblemDetailsNamingEachFieldAndWriteNothing() {
    long ticketsBefore = count("ticket");
    long contactsBefore = count("contact");
    Map<String, Object> request = ticketRequest(fiscalCode(), "x");
    request.remove("subject");
    request.put("language", "es");
    request.put("requester", Map.of("fiscalCode", "NOT-A-CODE", "email", "not-an-email"));

    ResponseEntity<JsonNode> response = post("/api/tickets", "api-client", request);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().get("errors").findValuesAsText("field"))
        .containsExactly("language", "requester.email", "requester.fiscalCode", "subject");
    assertThat(count("ticket")).isEqualTo(ticketsBefore);
    assertThat(count("contact")).isEqualTo(contactsBefore);
  }

  @Test
  void unknownEnumValueNamesTheField() {
    Map<String, Object> request = ticketRequest(fiscalCode(), "Canale sbagliato");
    request.put("channel", "CARRIER_PIGEON");

    ResponseEntity<JsonNode> response = post("/api/tickets", "api-client", request);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode error = response.getBody().get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo("channel");
    assertThat(error.get("message").asText()).contains("PHONE", "PEC");
  }

  @Test
  void requesterWithoutAnyIdentifierIsRefused() {
    Map<String, Object> request = ticketRequest(fiscalCode(), "Anonimo");
    request.put("requester", Map.of("name", "Senza recapiti"));

    ResponseEntity<JsonNode> response = post("/api/tickets", "api-client", request);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("errors").findValuesAsText("field"))
        .containsExactly("requester.identifiable");
  }

  @Test
  void contactReceivedInTheFutureIsRefusedButAnEarlierOneKeepsItsTimeAndTargets() {
    Map<String, Object> future = ticketRequest(fiscalCode(), "Dal futuro");
    future.put("receivedAt", OffsetDateTime.now().plusHours(1).toString());
    ResponseEntity<JsonNode> refused = post("/api/tickets", "api-client", future);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("errors").findValuesAsText("field"))
        .containsExactly("receivedAt");

    clock.pin(Instant.parse("2026-12-09T09:00:00Z"));
    Map<String, Object> voicemail =
        ticketRequest(fiscalCode(), "Segreteria telefonica di lunedì sera");
    voicemail.put("channel", "VOICEMAIL");
    voicemail.put("receivedAt", "2026-12-07T18:00:00+01:00");
    JsonNode ticket = post("/api/tickets", "api-client", voicemail).getBody();

    assertThat(OffsetDateTime.parse(ticket.get("receivedAt").asText()).toInstant())
        .isEqualTo(Instant.parse("2026-12-07T17:00:00Z"));
    // voicemail: within the first 4 working hours of the next working day (8 December is a holiday)
    assertThat(ticket.at("/sla/takeInChargeDueAt").asText()).isEqualTo("2026-12-09T12:00:00+01:00");
  }

  @Test
  void aContactReceivedMoreThanAYearAgoOrMinutesAheadIsRefusedNamingTheFieldAndWritesNothing() {
    clock.pin(Instant.parse("2036-02-10T09:00:00Z"));
    long ticketsBefore = count("ticket");
    for (String absurd :
        List.of(
            "1900-01-01T00:00:00Z",
            "2035-02-09T09:00:00Z", // 366 days before
            "2036-02-10T09:05:00Z")) { // 5 minutes ahead
      Map<String, Object> request = ticketRequest(fiscalCode(), "Ricevuto il " + absurd);
      request.put("receivedAt", absurd);

      ResponseEntity<JsonNode> refused = post("/api/tickets", "api-client", request);

      assertThat(refused.getStatusCode()).as(absurd).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("errors").findValuesAsText("field"))
          .containsExactly("receivedAt");
    }
    assertThat(count("ticket")).isEqualTo(ticketsBefore);

    Map<String, Object> late = ticketRequest(fiscalCode(), "Segreteria di quasi un anno fa");
    late.put("receivedAt", "2035-02-12T09:00:00Z");
    ResponseEntity<JsonNode> accepted = post("/api/tickets", "api-client", late);
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(OffsetDateTime.parse(accepted.getBody().get("receivedAt").asText()).toInstant())
        .isEqualTo(Instant.parse("2035-02-12T09:00:00Z"));
  }

  @Test
  void officesReadTheTicketsAssignedToThemAndExternalSystemsTheTicketsTheyOpened() {
    String byApi =
        post("/api/tickets", "api-client", ticketRequest(fiscalCode(), "Da un sistema esterno"))
            .getBody()
            .get("number")
            .asText();
    String byOperator =
        post("/api/tickets", "operator1", ticketRequest(fiscalCode(), "Allo sportello"))
            .getBody()
            .get("number")
            .asText();

    assertThat(get("/api/tickets/" + byApi, "api-client").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("/api/tickets/" + byOperator, "api-client").getStatusCode())
        .as("another caller's ticket stays hidden")
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            get("/api/tickets?size=200", "api-client")
                .getBody()
                .get("items")
                .findValuesAsText("number"))
        .contains(byApi)
        .doesNotContain(byOperator);
    assertThat(get("/api/tickets/" + byOperator, "operator2").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("/api/tickets/" + byOperator, "office1").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    // level 1 escalates, level 2 involves the Tributi office: now office1 reads it
    post(
        "/api/tasks/" + taskOf(byOperator, "operator1") + "/complete",
        "operator1",
        Map.of("decision", "ESCALATE"));
    post(
        "/api/tasks/" + taskOf(byOperator, "operator2") + "/complete",
        "operator2",
        Map.of("decision", "INVOLVE_OFFICE", "office", "office-tributi"));

    assertThat(get("/api/tickets/" + byOperator, "office1").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(
            get("/api/tickets?size=200", "office1")
                .getBody()
                .get("items")
                .findValuesAsText("number"))
        .contains(byOperator)
        .doesNotContain(byApi);
  }

  @Test
  void attachmentsAreStoredOnceListedAndDownloadedWithinTheTicketsVisibility() {
    String number =
        post("/api/tickets", "api-client", ticketRequest(fiscalCode(), "Con allegato"))
            .getBody()
            .get("number")
            .asText();
    byte[] html =
        "<html><body><p>Dichiarazione ISEE 2026</p></body></html>"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    ResponseEntity<JsonNode> first = upload(number, "api-client", "isee.html", html);
    ResponseEntity<JsonNode> again = upload(number, "api-client", "isee-copia.html", html);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(first.getBody().get("extractionStatus").asText()).isEqualTo("OK");
    assertThat(again.getBody().get("id")).isEqualTo(first.getBody().get("id"));
    JsonNode list = get("/api/tickets/" + number + "/documents", "operator1").getBody();
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("mediaType").asText()).startsWith("text/html");

    ResponseEntity<byte[]> download =
        rest.exchange(
            "/api/tickets/" + number + "/documents/" + first.getBody().get("id").asLong(),
            HttpMethod.GET,
            new HttpEntity<>(basic("operator1")),
            byte[].class);
    assertThat(download.getBody()).isEqualTo(html);
    assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("isee.html");

    assertThat(get("/api/tickets/" + number + "/documents", "office1").getStatusCode())
        .as("an office not involved does not see the ticket, nor its attachments")
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(upload(number, "operator1", "vuoto.txt", new byte[0]).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private ResponseEntity<JsonNode> upload(
      String number, String user, String fileName, byte[] content) {
    return upload("/api/tickets/" + number + "/documents", user, Map.of(), fileName, content);
  }

  private static HttpHeaders basic(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    return headers;
  }

  private String taskOf(String number, String user) {
    return get("/api/tasks?businessKey=" + number, user)
        .getBody()
        .get("items")
        .get(0)
        .get("id")
        .asText();
  }

  @Test
  void unknownTicketAnswers404() {
    ResponseEntity<JsonNode> response = get("/api/tickets/RS-1999-000001", "operator1");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void theSameRequesterIsRecognisedAndTheirHistoryListsEveryContact() {
    String fiscalCode = fiscalCode();
    JsonNode first =
        post("/api/tickets", "api-client", ticketRequest(fiscalCode, "Prima richiesta")).getBody();
    Map<String, Object> second = ticketRequest(fiscalCode.toLowerCase(), "Seconda richiesta");
    second.put("channel", "PHONE");
    JsonNode secondTicket = post("/api/tickets", "operator1", second).getBody();
    long requesterId = first.at("/requester/id").asLong();
    assertThat(secondTicket.at("/requester/id").asLong()).isEqualTo(requesterId);

    JsonNode history = get("/api/contacts/" + requesterId + "/history", "operator1").getBody();

    assertThat(history.get("totalElements").asInt()).isEqualTo(2);
    assertThat(history.get("items").findValuesAsText("ticketNumber"))
        .containsExactly(secondTicket.get("number").asText(), first.get("number").asText());
    assertThat(history.get("items").findValuesAsText("channel")).containsExactly("PHONE", "WEB");

    JsonNode list =
        get("/api/tickets?requesterId=" + requesterId + "&channel=PHONE", "supervisor").getBody();
    assertThat(list.get("items").findValuesAsText("number"))
        .isEqualTo(List.of(secondTicket.get("number").asText()));
  }

  @Test
  void aBusinessIsRecognisedByItsVatNumber() {
    String vat = String.valueOf(10_000_000_000L + (System.nanoTime() % 89_999_999_999L));
    Map<String, Object> first = ticketRequest(fiscalCode(), "Fattura elettronica rifiutata");
    first.put("requester", Map.of("vatNumber", vat, "name", "Rossi Costruzioni srl"));
    Map<String, Object> second = ticketRequest(fiscalCode(), "Secondo contatto dell'impresa");
    second.put("requester", Map.of("vatNumber", vat, "email", "amministrazione@rossi.example"));

    JsonNode one = post("/api/tickets", "api-client", first).getBody();
    JsonNode two = post("/api/tickets", "api-client", second).getBody();

    assertThat(two.at("/requester/id").asLong()).isEqualTo(one.at("/requester/id").asLong());
    assertThat(two.at("/requester/kind").asText()).isEqualTo("ORGANISATION");
    assertThat(two.at("/requester/email").asText()).isEqualTo("amministrazione@rossi.example");
    assertThat(two.at("/requester/name").asText()).isEqualTo("Rossi Costruzioni srl");
  }

  @Test
  void anOperatorSolvesAPhoneContactAtOnce() {
    Map<String, Object> call = ticketRequest(fiscalCode(), "Orari dello sportello anagrafe");
    call.put("channel", "PHONE");
    call.put("firstContactAnswer", "Lo sportello è aperto dal lunedì al venerdì, 8:30-12:30.");

    ResponseEntity<JsonNode> response = post("/api/tickets", "operator1", call);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode ticket =
        get("/api/tickets/" + response.getBody().get("number").asText(), "operator1").getBody();
    assertThat(ticket.get("status").asText()).isEqualTo("CLOSED");
    assertThat(ticket.get("outcome").asText()).isEqualTo("SOLVED");
    assertThat(ticket.get("takenInChargeBy").asText()).isEqualTo("operator1");
    assertThat(ticket.get("history").findValuesAsText("kind"))
        .containsSubsequence("RECEIVED", "CLASSIFIED", "TAKEN_IN_CHARGE", "SOLVED", "CLOSED");
  }

  @Test
  void anExternalSystemRecordsAContactItSolvedItselfThoughItWorksNoTask() {
    // a chatbot that answered the citizen alone: registered and closed at once, in its name
    Map<String, Object> chat = ticketRequest(fiscalCode(), "Orari della biblioteca");
    chat.put("channel", "CHATBOT");
    chat.put("firstContactAnswer", "La biblioteca è aperta dal martedì al sabato.");

    ResponseEntity<JsonNode> response = post("/api/tickets", "api-client", chat);

    assertThat(response.getStatusCode())
        .as(String.valueOf(response.getBody()))
        .isEqualTo(HttpStatus.CREATED);
    JsonNode ticket =
        get("/api/tickets/" + response.getBody().get("number").asText(), "operator1").getBody();
    assertThat(ticket.get("status").asText()).isEqualTo("CLOSED");
    assertThat(ticket.get("outcome").asText()).isEqualTo("SOLVED");
    assertThat(ticket.get("takenInChargeBy").asText()).isEqualTo("api-client");
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from sportello." + table, Long.class);
  }
}
