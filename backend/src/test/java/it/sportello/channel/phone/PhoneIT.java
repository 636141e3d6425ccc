package it.sportello.channel.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The phone channel end to end: signed CTI events through the webhook open interactions and
 * tickets, pop the call on the operator's event stream and record the call's figures; forged and
 * replayed events change nothing; voicemail becomes a ticket due in the first working hours of the
 * next working day; old recordings are deleted with an audit entry; a call-back without a PBX is
 * recorded by hand.
 */
class PhoneIT extends IntegrationTest {

  static final String SECRET = PHONE_WEBHOOK_SECRET;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RecordingRetention retention;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;

  private final HttpClient http = HttpClient.newHttpClient();
  private CompletableFuture<HttpResponse<Stream<String>>> stream;

  @AfterEach
  void closeStream() {
    if (stream != null) {
      // closing the lines ends the connection
      stream.thenAccept(response -> response.body().close());
      stream.cancel(true);
    }
  }

  @Test
  void aSignedCallSequencePopsTheCallOpensTheInteractionAndTheTicketAndRecordsTheFigures()
      throws Exception {
    String fiscalCode = fiscalCode();
    String phone = "+39 06 " + (1000000 + (int) (Math.random() * 8999999));
    Map<String, Object> earlier = ticketRequest(fiscalCode, "Richiesta precedente");
    earlier.put(
        "requester", Map.of("fiscalCode", fiscalCode, "name", "Anna Verdi", "phone", phone));
    String openTicket = post("/api/tickets", "operator1", earlier).getBody().get("number").asText();
    Map<String, Object> privacy = ticketRequest(fiscalCode, "Richiesta riservata sui miei dati");
    privacy.put("type", "PQ");
    privacy.put(
        "requester", Map.of("fiscalCode", fiscalCode, "name", "Anna Verdi", "phone", phone));
    String privacyTicket =
        post("/api/tickets", "operator1", privacy).getBody().get("number").asText();
    BlockingQueue<JsonNode> pops = screenPops("operator1");

    Instant now = clock.instant();
    String callId = "call-" + UUID.randomUUID();
    String callerNumber = phone.replace(" ", "");
    assertThat(
            webhook(
                    event(
                        "CALL_OFFERED",
                        callId,
                        now.minusSeconds(40),
                        Map.of(
                            "queue",
                            "general",
                            "callerNumber",
                            callerNumber,
                            "agent",
                            "operator1")))
                .getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);

    JsonNode offered = pops.poll(20, TimeUnit.SECONDS);
    assertThat(offered).as("the operator's screen pops when the call is offered").isNotNull();
    assertThat(offered.get("reason").asText()).isEqualTo("OFFERED");
    assertThat(offered.get("channel").asText()).isEqualTo("PHONE");
    assertThat(offered.get("queue").asText()).isEqualTo("general");
    assertThat(offered.at("/caller/name").asText()).isEqualTo("Anna Verdi");
    assertThat(offered.get("waitedSeconds").asLong()).isGreaterThanOrEqualTo(40);
    assertThat(offered.findValuesAsText("number")).contains(openTicket, privacyTicket);
    assertThat(offered.toString())
        .as("the privacy queue's ticket by number and state only: whoever answers sees the pop")
        .doesNotContain("Richiesta riservata")
        .contains("Richiesta precedente");

    webhook(
        event(
            "CALL_ANSWERED",
            callId,
            now.minusSeconds(28),
            Map.of("agent", "operator1", "callerNumber", callerNumber)));
    JsonNode answered = pops.poll(20, TimeUnit.SECONDS);
    assertThat(answered.get("reason").asText()).isEqualTo("ANSWERED");
    assertThat(answered.get("waitedSeconds").asLong()).isEqualTo(12);

    long contactId = answered.at("/caller/id").asLong();
    JsonNode history = get("/api/contacts/" + contactId + "/history", "operator1").getBody();
    assertThat(history.toString()).contains("CALL").contains("risposta da operator1");

    // the operator opens a ticket from the intake form and the call goes with it
    Map<String, Object> intake = ticketRequest(fiscalCode, "Chiarimenti sulla TARI");
    intake.put("channel", "PHONE");
    String ticket = post("/api/tickets", "operator1", intake).getBody().get("number").asText();
    ResponseEntity<JsonNode> linked =
        post("/api/phone/calls/" + callId + "/ticket", "operator1", Map.of("ticketNumber", ticket));
    assertThat(linked.getStatusCode()).isEqualTo(HttpStatus.OK);

    webhook(
        event(
            "CALL_TRANSFERRED",
            callId,
            now.minusSeconds(10),
            Map.of("agent", "operator1", "toAgent", "operator2", "toQueue", "level2")));
    webhook(event("CALL_ENDED", callId, now, Map.of()));

    JsonNode call = get("/api/phone/calls/" + callId, "operator1").getBody();
    assertThat(call.get("outcome").asText()).isEqualTo("ANSWERED");
    assertThat(call.get("waitSeconds").asInt()).isEqualTo(12);
    assertThat(call.get("talkSeconds").asInt()).isEqualTo(28);
    assertThat(call.get("agent").asText()).isEqualTo("operator2");
    assertThat(call.get("transfers").asInt()).isEqualTo(1);
    assertThat(call.get("ticketNumber").asText()).isEqualTo(ticket);
    assertThat(call.get("contactId").asLong()).isEqualTo(contactId);

    JsonNode path = get("/api/tickets/" + ticket, "operator2").getBody();
    assertThat(path.findValuesAsText("kind")).contains("CALL_LINKED", "CALL_TRANSFERRED");
  }

  @Test
  void theMonthsFiguresCountAnsweredAbandonedAndLostCallsPerQueue() {
    // a month of its own: March 2031
    Instant base = OffsetDateTime.parse("2031-03-10T10:00:00+01:00").toInstant();
    clock.pin(base.plusSeconds(600));
    String queue = "q" + (System.nanoTime() % 100000);
    String fast = "call-" + UUID.randomUUID();
    String slow = "call-" + UUID.randomUUID();
    String abandoned = "call-" + UUID.randomUUID();
    String lost = "call-" + UUID.randomUUID();
    for (String id : List.of(fast, slow, abandoned, lost)) {
      webhook(event("CALL_OFFERED", id, base, Map.of("queue", queue)));
    }
    webhook(event("CALL_ANSWERED", fast, base.plusSeconds(20), Map.of("agent", "operator1")));
    webhook(event("CALL_ENDED", fast, base.plusSeconds(200), Map.of()));
    webhook(event("CALL_ANSWERED", slow, base.plusSeconds(60), Map.of("agent", "operator3")));
    webhook(event("CALL_ENDED", slow, base.plusSeconds(160), Map.of()));
    webhook(event("CALL_ABANDONED", abandoned, base.plusSeconds(100), Map.of()));
    webhook(event("CALL_ENDED", lost, base.plusSeconds(300), Map.of()));

    assertThat(get("/api/phone/figures?month=2031-03", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    JsonNode month = get("/api/phone/figures?month=2031-03", "supervisor").getBody();
    JsonNode figures =
        month.get("queues").findParents("queue").stream()
            .filter(q -> q.get("queue").asText().equals(queue))
            .findFirst()
            .orElseThrow();
    assertThat(figures.get("offered").asLong()).isEqualTo(4);
    assertThat(figures.get("answered").asLong()).isEqualTo(2);
    assertThat(figures.get("abandoned").asLong()).isEqualTo(1);
    assertThat(figures.get("unanswered").asLong()).isEqualTo(1);
    assertThat(figures.get("answeredWithin30s").decimalValue()).isEqualByComparingTo("50.0");
    assertThat(figures.get("answeredWithin90s").decimalValue()).isEqualByComparingTo("100.0");
    assertThat(figures.get("abandonedShare").decimalValue()).isEqualByComparingTo("25.0");
    assertThat(figures.get("averageWaitSeconds").decimalValue()).isEqualByComparingTo("40.0");
    assertThat(figures.get("averageTalkSeconds").decimalValue()).isEqualByComparingTo("140.0");
    assertThat(month.at("/total/offered").asLong()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void aForgedOrReplayedEventIsRefusedAndChangesNothing() {
    String callId = "call-" + UUID.randomUUID();
    Instant now = clock.instant();
    String body = json(event("CALL_OFFERED", callId, now, Map.of("queue", "general")));
    String timestamp = String.valueOf(now.getEpochSecond());

    ResponseEntity<JsonNode> forged = webhook(body, timestamp, "sha256=" + "ab".repeat(32));
    assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(forged.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    ResponseEntity<JsonNode> unsigned = webhook(body, timestamp, null);
    assertThat(unsigned.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    String oldTimestamp = String.valueOf(now.minus(Duration.ofMinutes(6)).getEpochSecond());
    ResponseEntity<JsonNode> stale = webhook(body, oldTimestamp, sign(oldTimestamp, body));
    assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(calls(callId)).isZero();

    assertThat(webhook(body, timestamp, sign(timestamp, body)).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    ResponseEntity<JsonNode> repeated = webhook(body, timestamp, sign(timestamp, body));
    assertThat(repeated.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(repeated.getBody().get("status").asText()).isEqualTo("DUPLICATE");

    // the same event id with another content, even properly signed: a replay, refused
    Map<String, Object> tampered = event("CALL_OFFERED", callId, now, Map.of("queue", "payments"));
    tampered.put("eventId", json.valueToTree(fromJson(body)).get("eventId").asText());
    String tamperedBody = json(tampered);
    assertThat(webhook(tamperedBody, timestamp, sign(timestamp, tamperedBody)).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    assertThat(calls(callId)).isEqualTo(1);
    assertThat(get("/api/phone/calls/" + callId, "operator1").getBody().get("queue").asText())
        .isEqualTo("general");
  }

  @Test
  void anEventThatHappenedInAnotherCenturyOrAheadOfOurClockIsRefusedNamingOccurredAt() {
    Instant now = clock.instant();
    for (Instant absurd :
        List.of(
            Instant.parse("1900-01-01T00:00:00Z"),
            now.minus(Duration.ofDays(400)),
            now.plus(Duration.ofMinutes(10)))) {
      String callId = "call-" + UUID.randomUUID();

      ResponseEntity<JsonNode> refused =
          webhook(event("CALL_OFFERED", callId, absurd, Map.of("queue", "general")));

      assertThat(refused.getStatusCode()).as("%s", absurd).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("errors").findValuesAsText("field"))
          .containsExactly("occurredAt");
      assertThat(calls(callId)).isZero();
    }
  }

  @Test
  void aCallerWhoHangsUpInTheQueueIsAnAbandonedCall() {
    String callId = "call-" + UUID.randomUUID();
    Instant now = clock.instant();
    webhook(
        event(
            "CALL_OFFERED",
            callId,
            now.minusSeconds(95),
            Map.of("queue", "payments", "callerNumber", "+39333" + System.nanoTime() % 10000000)));
    webhook(event("CALL_ABANDONED", callId, now, Map.of()));

    JsonNode call = get("/api/phone/calls/" + callId, "supervisor").getBody();
    assertThat(call.get("outcome").asText()).isEqualTo("ABANDONED");
    assertThat(call.get("waitSeconds").asInt()).isEqualTo(95);
    assertThat(call.has("answeredAt")).isFalse();
  }

  @Test
  void aVoicemailLeftOnSaturdayAt15IsToBeTakenInChargeByMondayAtNoonWithTheAudioAttached() {
    Instant saturday = OffsetDateTime.parse("2026-11-28T15:00:00+01:00").toInstant();
    clock.pin(saturday.plusSeconds(30));
    String callId = "vm-" + UUID.randomUUID();
    byte[] audio = wav();
    Map<String, Object> voicemail =
        event(
            "VOICEMAIL_LEFT",
            callId,
            saturday,
            Map.of(
                "callerNumber",
                "+39347" + System.nanoTime() % 10000000,
                "audioBase64",
                Base64.getEncoder().encodeToString(audio),
                "mediaType",
                "audio/wav",
                "durationSeconds",
                1));

    ResponseEntity<JsonNode> accepted = webhook(voicemail);
    assertThat(accepted.getStatusCode())
        .as(String.valueOf(accepted.getBody()))
        .isEqualTo(HttpStatus.ACCEPTED);

    String number =
        jdbc.queryForObject(
            "select number from sportello.ticket where context->>'callId' = ?",
            String.class,
            callId);
    JsonNode ticket = get("/api/tickets/" + number, "operator1").getBody();
    assertThat(ticket.get("channel").asText()).isEqualTo("VOICEMAIL");
    assertThat(ticket.at("/sla/takeInChargeDueAt").asText()).isEqualTo("2026-11-30T12:00:00+01:00");

    JsonNode attachments = get("/api/tickets/" + number + "/documents", "operator1").getBody();
    assertThat(attachments).hasSize(1);
    assertThat(attachments.get(0).get("mediaType").asText()).startsWith("audio/");
    ResponseEntity<byte[]> download =
        rest.exchange(
            "/api/tickets/" + number + "/documents/" + attachments.get(0).get("id").asLong(),
            HttpMethod.GET,
            new HttpEntity<>(basic("operator1")),
            byte[].class);
    assertThat(download.getBody()).isEqualTo(audio);

    // the platform sends the same voicemail again under another event id: still one ticket
    voicemail.put("eventId", UUID.randomUUID().toString());
    webhook(voicemail);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.ticket where context->>'callId' = ?",
                Integer.class,
                callId))
        .isEqualTo(1);
  }

  @Test
  void recordingsOlderThanTheRetentionPeriodAreDeletedEachWithAnAuditEntry() {
    Instant now = clock.instant();
    String old = "rec-old-" + UUID.randomUUID();
    String recent = "rec-recent-" + UUID.randomUUID();
    webhook(
        event(
            "RECORDING_AVAILABLE",
            "call-" + UUID.randomUUID(),
            now,
            Map.of("recordingRef", old, "mediaType", "audio/wav", "durationSeconds", 60)));
    webhook(
        event(
            "RECORDING_AVAILABLE",
            "call-" + UUID.randomUUID(),
            now,
            Map.of("recordingRef", recent, "mediaType", "audio/wav", "durationSeconds", 60)));
    // the first was recorded 181 days ago
    jdbc.update(
        "update sportello.phone_recording set recorded_at = recorded_at - interval '181 days' where recording_ref = ?",
        old);

    retention.deleteExpired(Duration.ofDays(180));

    assertThat(recordings(old)).isZero();
    assertThat(recordings(recent)).isEqualTo(1);
    List<Map<String, Object>> audit =
        jdbc.queryForList(
            "select actor, action from sportello.phone_audit where object_ref = ?", old);
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0)).containsEntry("action", "RECORDING_DELETED");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.phone_audit where object_ref = ?",
                Integer.class,
                recent))
        .isZero();

    // 180 days later the second one goes too
    clock.pin(now.plus(Duration.ofDays(181)));
    retention.deleteExpired(Duration.ofDays(180));
    assertThat(recordings(recent)).isZero();
  }

  @Test
  void aCallBackWithoutPbxIsDialledByHandAndItsOutcomeRecordedFromTheInbox() {
    Map<String, Object> request = ticketRequest(fiscalCode(), "Da richiamare");
    String ticket = post("/api/tickets", "operator1", request).getBody().get("number").asText();

    ResponseEntity<JsonNode> started =
        post(
            "/api/phone/callbacks",
            "operator2",
            Map.of("ticketNumber", ticket, "phoneNumber", "+39 06 5555 1234"));
    assertThat(started.getStatusCode())
        .as(String.valueOf(started.getBody()))
        .isEqualTo(HttpStatus.CREATED);
    long id = started.getBody().get("id").asLong();

    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey("callback")
            .processInstanceBusinessKey(ticket)
            .singleResult()
            .getId();
    Job placeCall =
        managementService
            .createJobQuery()
            .processInstanceId(instance)
            .activityId("serviceTask_placeCall")
            .singleResult();
    managementService.executeJob(placeCall.getId());

    JsonNode inbox = get("/api/tasks?businessKey=" + ticket, "operator2").getBody();
    String taskId =
        inbox.findParents("taskKey").stream()
            .filter(t -> t.get("taskKey").asText().equals("userTask_recordCallbackOutcome"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no call-back task in " + inbox))
            .get("id")
            .asText();
    ResponseEntity<JsonNode> completed =
        post(
            "/api/tasks/" + taskId + "/complete",
            "operator2",
            Map.of("callbackOutcome", "REACHED", "note", "Risolto al telefono"));
    assertThat(completed.getStatusCode().is2xxSuccessful())
        .as(String.valueOf(completed.getBody()))
        .isTrue();

    JsonNode callback = get("/api/phone/callbacks/" + id, "operator2").getBody();
    assertThat(callback.get("status").asText()).isEqualTo("REACHED");
    assertThat(callback.get("phoneNumber").asText()).isEqualTo("+390655551234");
    assertThat(callback.at("/attempts/0/dialled").asText()).isEqualTo("MANUAL");
    assertThat(callback.at("/attempts/0/outcome").asText()).isEqualTo("REACHED");
    assertThat(callback.at("/attempts/0/note").asText()).isEqualTo("Risolto al telefono");
    assertThat(get("/api/tickets/" + ticket, "operator2").getBody().findValuesAsText("kind"))
        .contains("CALL_BACK_PLANNED", "CALL_BACK_ATTEMPTED");
  }

  // ----------------------------------------------------------------------------------------------

  private BlockingQueue<JsonNode> screenPops(String user) throws InterruptedException {
    BlockingQueue<JsonNode> pops = new LinkedBlockingQueue<>();
    BlockingQueue<String> ready = new LinkedBlockingQueue<>();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me/events"))
            .header("Accept", "text/event-stream")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
            .build();
    stream = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    stream.thenAccept(
        response -> {
          String[] event = {null};
          response
              .body()
              .forEach(
                  line -> {
                    if (line.startsWith("event:")) {
                      event[0] = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                      if ("ready".equals(event[0])) {
                        ready.add(line);
                      } else if ("screen-pop".equals(event[0])) {
                        pops.add(fromJson(line.substring(5).strip()));
                      }
                    }
                  });
        });
    assertThat(ready.poll(20, TimeUnit.SECONDS)).as("the stream is subscribed").isNotNull();
    return pops;
  }

  private JsonNode fromJson(String text) {
    try {
      return json.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private int calls(String callId) {
    return jdbc.queryForObject(
        "select count(*) from sportello.phone_call where call_id = ?", Integer.class, callId);
  }

  private int recordings(String reference) {
    return jdbc.queryForObject(
        "select count(*) from sportello.phone_recording where recording_ref = ?",
        Integer.class,
        reference);
  }

  private static Map<String, Object> event(
      String kind, String callId, Instant occurredAt, Map<String, Object> fields) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("eventId", UUID.randomUUID().toString());
    event.put("kind", kind);
    event.put("callId", callId);
    event.put("occurredAt", occurredAt.toString());
    event.putAll(fields);
    return event;
  }

  private ResponseEntity<JsonNode> webhook(Map<String, Object> event) {
    String body = json(event);
    String timestamp = String.valueOf(clock.instant().getEpochSecond());
    return webhook(body, timestamp, sign(timestamp, body));
  }

  private ResponseEntity<JsonNode> webhook(String body, String timestamp, String signature) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.add("X-Sportello-Timestamp", timestamp);
    if (signature != null) {
      headers.add("X-Sportello-Signature", signature);
    }
    return rest.exchange(
        "/api/phone/events", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private String json(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String sign(String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256="
          + HexFormat.of()
              .formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpHeaders basic(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    return headers;
  }

  /** A short silent WAV (PCM 8 kHz mono 16 bit), as telephony platforms record. */
  static byte[] wav() {
    int samples = 800;
    int dataSize = samples * 2;
    java.nio.ByteBuffer buffer =
        java.nio.ByteBuffer.allocate(44 + dataSize).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    buffer.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataSize);
    buffer.put("WAVE".getBytes(StandardCharsets.US_ASCII));
    buffer.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1);
    buffer.putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
    buffer.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataSize);
    for (int i = 0; i < samples; i++) {
      buffer.putShort((short) (UUID.randomUUID().hashCode() % 50));
    }
    return buffer.array();
  }
}
