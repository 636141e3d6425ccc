package it.sportello.channel.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The supervisors' "agents by state" board, fed by signed CTI events: explicit agent states and the
 * calls agents answer and end, in any order; read by supervisors, managers and auditors only.
 */
class PhoneAgentsIT extends IntegrationTest {

  @Test
  void agentStatesAndCallsMoveTheAgentsOnTheBoardWhateverTheOrderOfTheEvents() {
    Instant now = clock.instant();
    String prefix = "ag" + (System.nanoTime() % 1_000_000) + "-";
    String ready = prefix + "ready";
    String paused = prefix + "paused";
    String talking = prefix + "talking";
    String wrapping = prefix + "wrapping";
    String gone = prefix + "gone";
    Map<String, Long> before = counts(board("supervisor"));

    // reported states; one sent twice (same id, same body): processed once
    Map<String, Object> readyEvent =
        agentState(ready, "AVAILABLE", now.minusSeconds(300), "general");
    assertThat(webhook(readyEvent).getBody().get("status").asText()).isEqualTo("PROCESSED");
    assertThat(webhook(readyEvent).getBody().get("status").asText()).isEqualTo("DUPLICATE");
    // paused at -100, then an older "available" (-150) delivered late: ignored
    webhook(agentState(paused, "AVAILABLE", now.minusSeconds(400), "general"));
    webhook(agentState(paused, "PAUSED", now.minusSeconds(100), null));
    webhook(agentState(paused, "AVAILABLE", now.minusSeconds(150), null));
    // a call answered and still going
    String call = "call-" + UUID.randomUUID();
    webhook(agentState(talking, "AVAILABLE", now.minusSeconds(600), "general"));
    webhook(callEvent("CALL_OFFERED", call, now.minusSeconds(80), Map.of("queue", "general")));
    webhook(callEvent("CALL_ANSWERED", call, now.minusSeconds(60), Map.of("agent", talking)));
    // a call whose end arrives before its answer: after-call work since the end
    String ended = "call-" + UUID.randomUUID();
    webhook(callEvent("CALL_OFFERED", ended, now.minusSeconds(200), Map.of("queue", "payments")));
    webhook(callEvent("CALL_ENDED", ended, now.minusSeconds(30), Map.of()));
    webhook(callEvent("CALL_ANSWERED", ended, now.minusSeconds(180), Map.of("agent", wrapping)));
    // logged out two days ago: counted, not listed
    webhook(agentState(gone, "LOGGED_OUT", now.minus(Duration.ofDays(2)), null));

    JsonNode board = board("supervisor");
    Map<String, Long> after = counts(board);
    assertThat(after.keySet())
        .containsExactly("LOGGED_OUT", "AVAILABLE", "ON_CALL", "WRAP_UP", "PAUSED");
    assertThat(after.get("AVAILABLE") - before.get("AVAILABLE")).isEqualTo(1);
    assertThat(after.get("PAUSED") - before.get("PAUSED")).isEqualTo(1);
    assertThat(after.get("ON_CALL") - before.get("ON_CALL")).isEqualTo(1);
    assertThat(after.get("WRAP_UP") - before.get("WRAP_UP")).isEqualTo(1);
    assertThat(after.get("LOGGED_OUT") - before.get("LOGGED_OUT")).isEqualTo(1);

    JsonNode readyRow = agent(board, ready);
    assertThat(readyRow.get("state").asText()).isEqualTo("AVAILABLE");
    assertThat(Instant.parse(readyRow.get("since").asText())).isEqualTo(now.minusSeconds(300));
    assertThat(readyRow.get("queue").asText()).isEqualTo("general");
    assertThat(readyRow.has("callId")).isFalse();
    JsonNode pausedRow = agent(board, paused);
    assertThat(pausedRow.get("state").asText()).isEqualTo("PAUSED");
    assertThat(Instant.parse(pausedRow.get("since").asText())).isEqualTo(now.minusSeconds(100));
    assertThat(pausedRow.get("queue").asText()).isEqualTo("general");
    JsonNode talkingRow = agent(board, talking);
    assertThat(talkingRow.get("state").asText()).isEqualTo("ON_CALL");
    assertThat(talkingRow.get("callId").asText()).isEqualTo(call);
    assertThat(Instant.parse(talkingRow.get("since").asText())).isEqualTo(now.minusSeconds(60));
    JsonNode wrappingRow = agent(board, wrapping);
    assertThat(wrappingRow.get("state").asText()).isEqualTo("WRAP_UP");
    assertThat(wrappingRow.get("callId").asText()).isEqualTo(ended);
    assertThat(Instant.parse(wrappingRow.get("since").asText())).isEqualTo(now.minusSeconds(30));
    assertThat(agentIds(board)).doesNotContain(gone);

    // the call ends: after-call work; then the agent is ready again
    webhook(callEvent("CALL_ENDED", call, now.minusSeconds(10), Map.of()));
    assertThat(agent(board("supervisor"), talking).get("state").asText()).isEqualTo("WRAP_UP");
    webhook(agentState(talking, "AVAILABLE", now.minusSeconds(5), null));
    JsonNode again = agent(board("supervisor"), talking);
    assertThat(again.get("state").asText()).isEqualTo("AVAILABLE");
    assertThat(again.has("callId")).isFalse();
  }

  @Test
  void supervisorsManagersAndAuditorsReadTheBoardOperatorsDoNot() {
    assertThat(get("/api/phone/agents", "manager1").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("/api/phone/agents", "auditor").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("/api/phone/agents", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("/api/phone/agents", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void anAgentStateWithoutTheStateIsRefusedNamingTheField() {
    String agent = "ag" + (System.nanoTime() % 1_000_000) + "-nostate";
    Map<String, Object> event = agentState(agent, "PAUSED", clock.instant(), null);
    event.remove("agentState");

    ResponseEntity<JsonNode> refused = webhook(event);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(refused.getBody().get("errors").findValuesAsText("field"))
        .containsExactly("agentState");
    assertThat(agentIds(board("supervisor"))).doesNotContain(agent);

    Map<String, Object> unknown = agentState(agent, "DANCING", clock.instant(), null);
    assertThat(webhook(unknown).getBody().get("errors").findValuesAsText("field"))
        .containsExactly("agentState");
    Map<String, Object> noCall =
        callEvent("CALL_ENDED", "call-" + UUID.randomUUID(), clock.instant(), Map.of());
    noCall.remove("callId");
    assertThat(webhook(noCall).getBody().get("errors").findValuesAsText("field"))
        .containsExactly("callId");
  }

  // ----------------------------------------------------------------------------------------------

  private JsonNode board(String user) {
    ResponseEntity<JsonNode> response = get("/api/phone/agents", user);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static Map<String, Long> counts(JsonNode board) {
    Map<String, Long> counts = new LinkedHashMap<>();
    board.get("counts").forEach(c -> counts.put(c.get("state").asText(), c.get("agents").asLong()));
    return counts;
  }

  private static JsonNode agent(JsonNode board, String agent) {
    return StreamSupport.stream(board.get("agents").spliterator(), false)
        .filter(a -> a.get("agent").asText().equals(agent))
        .findFirst()
        .orElseThrow(() -> new AssertionError(agent + " not on the board: " + board));
  }

  private static java.util.List<String> agentIds(JsonNode board) {
    return board.get("agents").findValuesAsText("agent");
  }

  private static Map<String, Object> agentState(
      String agent, String state, Instant occurredAt, String queue) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("eventId", UUID.randomUUID().toString());
    event.put("kind", "AGENT_STATE");
    event.put("occurredAt", occurredAt.toString());
    event.put("agent", agent);
    event.put("agentState", state);
    if (queue != null) {
      event.put("queue", queue);
    }
    return event;
  }

  private static Map<String, Object> callEvent(
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
    String body;
    try {
      body = json.writeValueAsString(event);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    String timestamp = String.valueOf(clock.instant().getEpochSecond());
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.add("X-Sportello-Timestamp", timestamp);
    headers.add("X-Sportello-Signature", PhoneIT.sign(timestamp, body));
    return rest.exchange(
        "/api/phone/events", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }
}
