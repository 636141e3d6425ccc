package it.sportello.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.TestUsers;
import it.sportello.reporting.ReportWorkbooks;
import it.sportello.shared.IdentityChanged;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 21 items 4 and 5: the citizen's place and estimated wait in their queue, moving as the
 * queue moves; transfer to another operator and to another queue, with the note recorded; files
 * both ways with the documents module's limits (a rejected type and a too large file explained);
 * the chat figures of the activity report and its workbook on known data.
 */
class ChatDeskIT extends IntegrationTest {

  private static final ZoneId ROME = ZoneId.of("Europe/Rome");

  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identityService;
  @Autowired ApplicationEventPublisher events;
  @Autowired ReportWorkbooks workbooks;

  /** A citizen of the public chat, from the tests' default address. */
  private final ChatCitizen chat = new ChatCitizen(this::call, null);

  @Test
  void theCitizenSeesTheirPlaceAndWaitAndOperatorsTransferWithANote() {
    clock.pin(ChatIT.OPEN);
    String queue = newQueue();
    // three chats of the queue handled in 10 minutes each by operator1, 40 minutes ago
    for (int i = 0; i < 3; i++) {
      insertChat(
          queue,
          "CLOSED",
          "SOLVED",
          "REQUESTED",
          ChatIT.OPEN.minus(Duration.ofMinutes(45)),
          ChatIT.OPEN.minus(Duration.ofMinutes(40)),
          ChatIT.OPEN.minus(Duration.ofMinutes(30)),
          "operator1");
    }
    String first = queuedIn(queue);
    String second = queuedIn(queue);

    JsonNode firstState = state(first);
    assertThat(firstState.path("position").asInt()).isEqualTo(1);
    // 1 × 10 min ÷ (1 operator × 3 chats each), rounded up
    assertThat(firstState.path("estimatedWaitMinutes").asInt()).isEqualTo(4);
    assertThat(firstState.path("operatorsAnswering").asInt()).isEqualTo(1);
    JsonNode secondState = state(second);
    assertThat(secondState.path("position").asInt()).isEqualTo(2);
    assertThat(secondState.path("estimatedWaitMinutes").asInt()).isEqualTo(7);

    long firstId = ChatCitizen.idOf(jdbc, first);
    assertThat(post("/api/chats/" + firstId + "/take", "operator2", null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    JsonNode moved = state(second);
    assertThat(moved.path("position").asInt()).as("the queue moved").isEqualTo(1);
    // 1 × 10 ÷ (2 operators × 3): operator2 now answers the queue too
    assertThat(moved.path("estimatedWaitMinutes").asInt()).isEqualTo(2);

    // transfer to another operator, with a note for them
    ResponseEntity<JsonNode> toOperator =
        post(
            "/api/chats/" + firstId + "/transfer",
            "operator2",
            Map.of(
                "toOperator", "operator1", "note", "Chiede della TARI 2025, già verificato IBAN"));
    assertThat(toOperator.getStatusCode()).as("%s", toOperator.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(toOperator.getBody().path("operator").asText()).isEqualTo("operator1");
    assertThat(
            post("/api/chats/" + firstId + "/messages", "operator2", Map.of("text", "x"))
                .getStatusCode())
        .as("no longer operator2's")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post("/api/chats/" + firstId + "/messages", "operator1", Map.of("text", "Eccomi"))
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    JsonNode citizenSees =
        chat.call(HttpMethod.GET, "/api/public/chat/messages", first, null).getBody();
    assertThat(citizenSees.toString()).doesNotContain("IBAN").contains("Eccomi");

    // bad transfers name their field
    ResponseEntity<JsonNode> both =
        post(
            "/api/chats/" + firstId + "/transfer",
            "operator1",
            Map.of("toOperator", "operator2", "toQueue", queue));
    assertThat(both.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(both.getBody().toString()).contains("toQueue").contains("either");
    ResponseEntity<JsonNode> unknownQueue =
        post("/api/chats/" + firstId + "/transfer", "operator1", Map.of("toQueue", "nessuna"));
    assertThat(unknownQueue.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknownQueue.getBody().toString()).contains("toQueue");

    // back to a queue: the chat waits there again, keeping its time of queueing
    ResponseEntity<JsonNode> toQueue =
        post(
            "/api/chats/" + firstId + "/transfer",
            "operator1",
            Map.of("toQueue", "payments", "note", "Serve l'ufficio tributi"));
    assertThat(toQueue.getStatusCode()).as("%s", toQueue.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(toQueue.getBody().path("status").asText()).isEqualTo("QUEUED");
    JsonNode recorded = get("/api/chats/" + firstId + "/queue", "supervisor").getBody();
    assertThat(recorded.path("estimate").path("queue").asText()).isEqualTo("payments");
    assertThat(recorded.path("transfers"))
        .extracting(t -> t.path("note").asText())
        .containsExactly("Chiede della TARI 2025, già verificato IBAN", "Serve l'ufficio tributi");
    assertThat(recorded.path("transfers").get(1).path("fromOperator").asText())
        .isEqualTo("operator1");
    assertThat(state(first).path("status").asText()).isEqualTo("QUEUED");
  }

  @Test
  void filesGoBothWaysWithTheDocumentsLimitsAndFollowTheChatToItsTicket() {
    clock.pin(ChatIT.OPEN);
    String token = queuedIn(newQueue());
    long id = ChatCitizen.idOf(jdbc, token);
    assertThat(post("/api/chats/" + id + "/take", "operator1", null).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    byte[] pdf = minimalPdf();
    ResponseEntity<JsonNode> sent = citizenUpload(token, "bolletta.pdf", pdf);
    assertThat(sent.getStatusCode()).as("%s", sent.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode attachment = sent.getBody().path("attachment");
    assertThat(attachment.path("mediaType").asText()).isEqualTo("application/pdf");
    assertThat(attachment.path("fileName").asText()).isEqualTo("bolletta.pdf");
    long seq = sent.getBody().path("seq").asLong();
    ResponseEntity<byte[]> downloaded =
        rest.exchange(
            "/api/chats/" + id + "/attachments/" + seq,
            HttpMethod.GET,
            new HttpEntity<>(basic("operator1")),
            byte[].class);
    assertThat(downloaded.getBody()).isEqualTo(pdf);

    byte[] text = "Modulo da compilare".getBytes(StandardCharsets.UTF_8);
    ResponseEntity<JsonNode> fromOperator =
        upload("/api/chats/" + id + "/attachments", "operator1", Map.of(), "istruzioni.txt", text);
    assertThat(fromOperator.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    HttpHeaders tokenHeader = new HttpHeaders();
    tokenHeader.add("X-Chat-Token", token);
    ResponseEntity<byte[]> citizenGets =
        rest.exchange(
            "/api/public/chat/attachments/" + fromOperator.getBody().path("seq").asLong(),
            HttpMethod.GET,
            new HttpEntity<>(tokenHeader),
            byte[].class);
    assertThat(citizenGets.getBody()).isEqualTo(text);

    // the type comes from the content, not the name: a program named .pdf is refused
    byte[] program = new byte[512];
    program[0] = 'M';
    program[1] = 'Z';
    program[0x3c] = (byte) 0x80;
    ResponseEntity<JsonNode> refused = citizenUpload(token, "ricevuta.pdf", program);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().toString()).contains("file").contains("not accepted");
    byte[] large = new byte[10 * 1024 * 1024 + 1];
    Arrays.fill(large, (byte) 'a');
    ResponseEntity<JsonNode> tooLarge = citizenUpload(token, "grande.txt", large);
    assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);

    JsonNode solved =
        post("/api/chats/" + id + "/solve", "operator1", Map.of("solution", "Pagamento trovato"))
            .getBody();
    JsonNode documents =
        get("/api/tickets/" + solved.path("ticketNumber").asText() + "/documents", "supervisor")
            .getBody();
    assertThat(documents.toString())
        .contains("bolletta.pdf")
        .contains("istruzioni.txt")
        .contains("chat-" + id + ".txt")
        .doesNotContain("ricevuta.pdf");
  }

  @Test
  void theActivityReportCountsTheChatsPerDayAndQueueAndTheWorkbookHasThem() throws Exception {
    String queue = newQueue();
    LocalDate day = LocalDate.of(2031, 3, 10);
    Instant morning = day.atTime(10, 0).atZone(ROME).toInstant();
    Instant nextMorning = morning.plus(Duration.ofDays(1));
    insertChat(null, "CLOSED", "BOT_SOLVED", null, null, null, morning, null);
    long transferred =
        insertChat(
            queue,
            "CLOSED",
            "SOLVED",
            "REQUESTED",
            morning.plusSeconds(300),
            morning.plusSeconds(360),
            morning.plusSeconds(900),
            "operator1");
    jdbc.sql(
            "insert into sportello.chat_transfer (conversation_id, from_operator, to_operator,"
                + " transferred_at) values (?, 'operator1', 'operator2', ?)")
        .params(transferred, java.sql.Timestamp.from(morning.plusSeconds(500)))
        .update();
    insertChat(
        queue,
        "CLOSED",
        "TICKET",
        "NOT_HELPED",
        morning.plusSeconds(600),
        morning.plusSeconds(780),
        morning.plusSeconds(1200),
        "operator2");
    insertChat(
        queue, "CLOSED", "ABANDONED", "REQUESTED", morning.plusSeconds(1200), null, null, null);
    insertChat(
        queue,
        "CLOSED",
        "SOLVED",
        "REQUESTED",
        nextMorning,
        nextMorning.plusSeconds(300),
        nextMorning.plusSeconds(600),
        "operator1");
    insertChat(null, "CLOSED", "ABANDONED", null, null, null, nextMorning, null);

    JsonNode report =
        get("/api/reports/activity?from=2031-03-10&to=2031-03-11", "supervisor").getBody();
    JsonNode total = report.path("chats").path("total");
    assertThat(total.path("started").asLong()).isEqualTo(6);
    assertThat(total.path("offered").asLong()).isEqualTo(4);
    assertThat(total.path("answered").asLong()).isEqualTo(3);
    assertThat(total.path("abandonedQueued").asLong()).isEqualTo(1);
    assertThat(total.path("botOnly").asLong()).isEqualTo(1);
    assertThat(total.path("containmentPercent").asDouble()).isEqualTo(20.0);
    assertThat(total.path("averageWaitSeconds").asDouble()).isEqualTo(180.0);
    // percentile_cont over 60, 180, 300 s
    assertThat(total.path("p90WaitSeconds").asDouble()).isEqualTo(276.0);
    assertThat(total.path("transfers").asLong()).isEqualTo(1);
    assertThat(report.path("chats").path("handOffReasons").path("REQUESTED").asLong()).isEqualTo(3);
    assertThat(report.path("chats").path("handOffReasons").path("NOT_HELPED").asLong())
        .isEqualTo(1);
    JsonNode firstDayQueue = null;
    for (JsonNode row : report.path("chats").path("rows")) {
      if (row.path("date").asText().equals("2031-03-10")
          && queue.equals(row.path("queue").asText())) {
        firstDayQueue = row;
      }
    }
    assertThat(firstDayQueue).isNotNull();
    assertThat(firstDayQueue.path("started").asLong()).isEqualTo(3);
    assertThat(firstDayQueue.path("answered").asLong()).isEqualTo(2);
    assertThat(firstDayQueue.path("averageWaitSeconds").asDouble()).isEqualTo(120.0);
    assertThat(report.path("chats").path("rows")).hasSize(4);

    ResponseEntity<JsonNode> byQueue =
        get("/api/reports/activity?from=2031-03-10&to=2031-03-11&queue=" + queue, "supervisor");
    assertThat(byQueue.getBody().path("chats").path("total").path("started").asLong()).isEqualTo(4);

    ReportWorkbooks.File file = workbooks.activity(day, day.plusDays(1), "test");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
      Sheet sheet = workbook.getSheet("Chats");
      assertThat(sheet).isNotNull();
      Row totalRow = null;
      for (Row row : sheet) {
        if (row.getCell(0) != null && "Total".equals(row.getCell(0).getStringCellValue())) {
          totalRow = row;
        }
      }
      assertThat(totalRow).isNotNull();
      assertThat(totalRow.getCell(2).getNumericCellValue()).isEqualTo(6.0);
      assertThat(totalRow.getCell(7).getNumericCellValue()).isEqualTo(20.0);
      assertThat(totalRow.getCell(9).getNumericCellValue()).isEqualTo(276.0);
    }
  }

  // --- helpers ---

  private String newQueue() {
    String code = "chat-" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.sql(
            "insert into sportello.queue (code, name_it, name_en, back_office_group)"
                + " values (?, 'Coda chat di prova', 'Test chat queue', 'level2')")
        .param(code)
        .update();
    // the queue's operators: the members of its group
    TestUsers.queue(identityService, code, "Coda chat di prova");
    identityService.createMembership("operator1", code);
    identityService.createMembership("operator2", code);
    events.publishEvent(IdentityChanged.anyUser());
    return code;
  }

  /** A chat in the queue: started, the privacy notice accepted, the queue set, "operatore". */
  private String queuedIn(String queue) {
    String token =
        chat.startWithPrivacy(Map.of("language", "it", "page", "/t"), Map.of("accepted", true));
    jdbc.sql("update sportello.chat_conversation set queue = ? where id = ?")
        .params(queue, ChatCitizen.idOf(jdbc, token))
        .update();
    assertThat(chat.say(token, "operatore").getBody().path("status").asText()).isEqualTo("QUEUED");
    return token;
  }

  private JsonNode state(String token) {
    return chat.call(HttpMethod.GET, "/api/public/chat/state", token, null).getBody();
  }

  private long insertChat(
      String queue,
      String status,
      String outcome,
      String reason,
      Instant queuedAt,
      Instant assignedAt,
      Instant closedAt,
      String operator) {
    Instant created = queuedAt != null ? queuedAt.minusSeconds(60) : closedAt;
    return jdbc.sql(
            "insert into sportello.chat_conversation (token_hash, language, status, queue,"
                + " handoff_reason, queued_at, operator, assigned_at, first_assigned_at, outcome,"
                + " created_at, closed_at) values (?, 'it', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " returning id")
        .params(
            UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8),
            status,
            queue,
            reason,
            timestamp(queuedAt),
            operator,
            timestamp(assignedAt),
            timestamp(assignedAt),
            outcome,
            timestamp(created),
            timestamp(closedAt == null ? created.plusSeconds(1800) : closedAt))
        .query(Long.class)
        .single();
  }

  private static java.sql.Timestamp timestamp(Instant instant) {
    return instant == null ? null : java.sql.Timestamp.from(instant);
  }

  private ResponseEntity<JsonNode> citizenUpload(String token, String name, byte[] bytes) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.add("X-Chat-Token", token);
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", namedFile(name, bytes));
    return rest.exchange(
        "/api/public/chat/attachments",
        HttpMethod.POST,
        new HttpEntity<>(body, headers),
        JsonNode.class);
  }

  private static HttpHeaders basic(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    return headers;
  }

  private static byte[] minimalPdf() {
    return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
            + "trailer<</Root 1 0 R>>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
