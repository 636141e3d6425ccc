package it.sportello.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Work distribution through the API: three operators of a queue of their own and twenty waiting
 * items (standalone tasks offered to the queue, with a deadline, a language and a topic), for each
 * policy and mode.
 */
class WorkDistributionIT extends DistributionTestSupport {

  static final ZoneId ROME = ZoneId.of("Europe/Rome");

  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  String queue;
  String a;
  String b;
  String c;

  /** The twenty items' task ids, by deadline. */
  List<String> items;

  Map<String, String> languageOf = new HashMap<>();

  @BeforeEach
  void aQueueWithThreeOperatorsAndTwentyItems() {
    queue = "rt" + UUID.randomUUID().toString().substring(0, 8);
    TestUsers.queue(identityService, queue, "Routing test " + queue);
    a = operator("a");
    b = operator("b");
    c = operator("c");
    Instant base = Instant.now().plus(Duration.ofDays(1));
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      order.add(i);
    }
    // created in random order: the order served is the deadlines', not the creation's
    Collections.shuffle(order, new Random(22));
    String[] ids = new String[20];
    for (int i : order) {
      Task task = taskService.newTask();
      task.setName("Item " + i);
      task.setDueDate(java.util.Date.from(base.plus(Duration.ofHours(i))));
      taskService.saveTask(task);
      taskService.addCandidateGroup(task.getId(), queue);
      String language = i % 5 == 0 ? "de" : "it";
      taskService.setVariableLocal(task.getId(), "language", language);
      taskService.setVariableLocal(task.getId(), "topic", i % 4 == 0 ? "tari" : "imu");
      languageOf.put(task.getId(), language);
      ids[i] = task.getId();
    }
    items = List.of(ids);
  }

  private String operator(String suffix) {
    return TestUsers.create(identityService, queue + "-" + suffix, "level1", queue);
  }

  // ---------------------------------------------------------------- presence

  @Test
  void aPauseNeedsAConfiguredReasonAndBusyIsNotTheOperatorsToSet() {
    ResponseEntity<JsonNode> noReason = presence(a, "PAUSED", null);
    ResponseEntity<JsonNode> systemReason = presence(a, "PAUSED", Presences.MISSED_OFFERS);
    ResponseEntity<JsonNode> busy = presence(a, "BUSY", null);

    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody().toString()).contains("\"reason\"");
    assertThat(systemReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(busy.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(busy.getBody().toString()).contains("\"state\"");
    assertThat(get("/api/me/presence", a).getBody().get("state").asText()).isEqualTo("OFFLINE");

    ResponseEntity<JsonNode> lunch = presence(a, "PAUSED", "LUNCH");
    assertThat(lunch.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("/api/me/presence", a).getBody().get("reason").asText()).isEqualTo("LUNCH");
    assertThat(get("/api/me/presence/reasons", a).getBody().findValuesAsText("code"))
        .contains("BREAK", "LUNCH", "TRAINING");
  }

  @Test
  void timePerStateIsReportedPerOperatorAndDayWithPausesByReason() {
    Instant nine = LocalDate.of(2026, 3, 2).atTime(9, 0).atZone(ROME).toInstant();
    clock.pin(nine);
    presence(a, "AVAILABLE", null);
    clock.pin(nine.plus(Duration.ofMinutes(90)));
    presence(a, "PAUSED", "BREAK");
    clock.pin(nine.plus(Duration.ofMinutes(105)));
    presence(a, "AVAILABLE", null);
    clock.pin(nine.plus(Duration.ofMinutes(165)));
    presence(a, "PAUSED", "TRAINING");
    clock.pin(nine.plus(Duration.ofMinutes(225)));
    presence(a, "OFFLINE", null);

    JsonNode days =
        get("/api/distribution/presence-report?from=2026-03-02&to=2026-03-02", "supervisor")
            .getBody();
    JsonNode day =
        StreamSupport.stream(days.spliterator(), false)
            .filter(row -> row.get("operator").asText().equals(a))
            .findFirst()
            .orElseThrow();
    assertThat(day.get("day").asText()).isEqualTo("2026-03-02");
    assertThat(day.get("seconds").get("AVAILABLE").asLong()).isEqualTo(150 * 60);
    assertThat(day.get("seconds").get("PAUSED").asLong()).isEqualTo(75 * 60);
    assertThat(day.get("pausesByReason").get("BREAK").asLong()).isEqualTo(15 * 60);
    assertThat(day.get("pausesByReason").get("TRAINING").asLong()).isEqualTo(60 * 60);
    assertThat(day.get("occupancy").asDouble()).isZero();
    assertThat(
            get("/api/distribution/presence-report?from=2026-03-02&to=2026-03-02", a)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theTelephonyPlatformsAgentStatesMoveThePresenceAndACallStopsOffersOfOfflineWork() {
    policy("FIFO", "PUSH", 30);
    presence(a, "AVAILABLE", null);
    Instant now = clock.instant();
    String call = "call-" + UUID.randomUUID();
    webhook(callEvent("CALL_OFFERED", call, now.minusSeconds(20), Map.of("queue", "general")));
    webhook(callEvent("CALL_ANSWERED", call, now.minusSeconds(10), Map.of("agent", a)));

    JsonNode onCall = get("/api/me/presence", a).getBody();
    assertThat(onCall.get("state").asText()).isEqualTo("BUSY");
    assertThat(onCall.get("source").asText()).isEqualTo("TELEPHONY");
    assertThat(onCall.get("onCall").asBoolean()).isTrue();
    assertThat(get("/api/me/offer", a).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    webhook(agentState(a, "PAUSED", now.minusSeconds(5)));
    assertThat(get("/api/me/presence", a).getBody().get("reason").asText()).isEqualTo("TELEPHONY");
    webhook(agentState(a, "AVAILABLE", now.minusSeconds(1)));
    assertThat(get("/api/me/presence", a).getBody().get("state").asText()).isEqualTo("AVAILABLE");
    assertThat(get("/api/me/offer", a).getBody().get("taskId").asText()).isEqualTo(items.get(0));
  }

  // ---------------------------------------------------------------- PULL

  @ParameterizedTest
  @EnumSource(RoutingPolicy.class)
  void pullListsTheQueueInThePolicysOrder(RoutingPolicy policy) {
    policy(policy.name(), "PULL", 30);
    skill(a, "LANGUAGE", "de", 5);
    skill(a, "LANGUAGE", "it", 2);

    List<String> listed =
        get("/api/me/queues/" + queue + "/items", a)
            .getBody()
            .get("items")
            .findValuesAsText("taskId");

    if (policy == RoutingPolicy.SKILLS) {
      // the German items (a's best language) first, each group by deadline
      List<String> expected = new ArrayList<>();
      items.stream().filter(id -> languageOf.get(id).equals("de")).forEach(expected::add);
      items.stream().filter(id -> languageOf.get(id).equals("it")).forEach(expected::add);
      assertThat(listed).containsExactlyElementsOf(expected);
    } else {
      assertThat(listed).containsExactlyElementsOf(items);
    }
    // PULL never offers
    presence(b, "AVAILABLE", null);
    assertThat(get("/api/me/offer", b).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  // ---------------------------------------------------------------- PUSH

  @Test
  void fifoPushOffersByDeadlineInTurnNeverBeyondCapacity() {
    policy("FIFO", "PUSH", 30);
    capacity(a, 20);
    capacity(b, 20);
    // c keeps the default: one offline task
    for (String operator : List.of(a, b, c)) {
      presence(operator, "AVAILABLE", null);
    }
    Map<String, String> holder = new LinkedHashMap<>();
    List<Long> offerIds = new ArrayList<>();
    for (int turn = 0; turn < 40 && holder.size() < 20; turn++) {
      for (String operator : List.of(a, b, c)) {
        ResponseEntity<JsonNode> offer = get("/api/me/offer", operator);
        if (offer.getStatusCode() == HttpStatus.OK) {
          long id = offer.getBody().get("id").asLong();
          assertThat(post("/api/me/offers/" + id + "/accept", operator, null).getStatusCode())
              .isEqualTo(HttpStatus.OK);
          holder.put(offer.getBody().get("taskId").asText(), operator);
          offerIds.add(id);
        }
      }
    }

    assertThat(holder).hasSize(20);
    // offers were made in deadline order: by offer id, the items' deadlines
    List<String> byOffer = new ArrayList<>();
    for (String task : items) {
      byOffer.add(task);
    }
    List<String> offeredOrder =
        offerIds.stream()
            .sorted()
            .map(
                id ->
                    jdbc.queryForObject(
                        "select task_id from sportello.distribution_offer where id = ?",
                        String.class,
                        id))
            .toList();
    assertThat(offeredOrder).containsExactlyElementsOf(byOffer);
    long ofA = holder.values().stream().filter(a::equals).count();
    long ofB = holder.values().stream().filter(b::equals).count();
    long ofC = holder.values().stream().filter(c::equals).count();
    assertThat(ofC).isEqualTo(1);
    assertThat(Math.abs(ofA - ofB)).isLessThanOrEqualTo(1);
    assertThat(holder.get(items.get(0))).isEqualTo(a);
    assertThat(holder.get(items.get(1))).isEqualTo(b);
    assertThat(holder.get(items.get(2))).isEqualTo(c);
    assertThat(get("/api/me/presence", c).getBody().get("state").asText()).isEqualTo("BUSY");
    // each accepted task is the operator's in the engine, and on the assignment history
    for (Map.Entry<String, String> held : holder.entrySet()) {
      assertThat(taskService.createTaskQuery().taskId(held.getKey()).singleResult().getAssignee())
          .isEqualTo(held.getValue());
    }
  }

  @Test
  void longestIdlePushGivesTheNextItemToTheOperatorIdleLongest() {
    policy("LONGEST_IDLE", "PUSH", 30);
    Instant t0 = clock.instant();
    clock.pin(t0);
    presence(c, "AVAILABLE", null);
    clock.pin(t0.plusSeconds(60));
    presence(a, "AVAILABLE", null);
    clock.pin(t0.plusSeconds(120));
    presence(b, "AVAILABLE", null);

    assertThat(round()).isEqualTo(3);

    assertThat(offer(c).get("taskId").asText()).isEqualTo(items.get(0));
    assertThat(offer(a).get("taskId").asText()).isEqualTo(items.get(1));
    assertThat(offer(b).get("taskId").asText()).isEqualTo(items.get(2));
  }

  @Test
  void skillsPushGivesEachItemToTheOperatorWhoFitsItBest() {
    policy("SKILLS", "PUSH", 30);
    skill(a, "LANGUAGE", "it", 5);
    skill(b, "LANGUAGE", "de", 5);
    skill(b, "LANGUAGE", "it", 2);
    skill(c, "LANGUAGE", "it", 3);
    skill(c, "TOPIC", "tari", 5);
    for (String operator : List.of(a, b, c)) {
      presence(operator, "AVAILABLE", null);
    }

    assertThat(round()).isEqualTo(3);

    // item 0: German (and TARI): only b speaks it; item 1: Italian, a speaks it best;
    // item 2: Italian, the one left who speaks it
    assertThat(offer(b).get("taskId").asText()).isEqualTo(items.get(0));
    assertThat(offer(a).get("taskId").asText()).isEqualTo(items.get(1));
    assertThat(offer(c).get("taskId").asText()).isEqualTo(items.get(2));
    List<JsonNode> history = skillHistory(b);
    assertThat(history).isNotEmpty();
    assertThat(history.get(0).get("changedBy").asText()).isEqualTo("supervisor");
  }

  @Test
  void aDeclinedOrTimedOutOfferGoesToTheNextOperatorAndTimeoutsPause() {
    policy("FIFO", "PUSH", 10, 1);
    capacity(a, 20);
    Instant t0 = clock.instant();
    clock.pin(t0);
    for (String operator : List.of(a, b, c)) {
      presence(operator, "AVAILABLE", null);
    }
    assertThat(round()).isEqualTo(3);
    JsonNode ofA = offer(a);
    JsonNode ofB = offer(b);
    JsonNode ofC = offer(c);
    assertThat(ofA.get("taskId").asText()).isEqualTo(items.get(0));

    // a declines item 0: nobody else is free for it; a is offered the next item instead
    assertThat(
            post("/api/me/offers/" + ofA.get("id").asLong() + "/decline", a, null)
                .getBody()
                .get("state")
                .asText())
        .isEqualTo("DECLINED");
    JsonNode next = offer(a);
    assertThat(next.get("taskId").asText()).isEqualTo(items.get(3));
    post("/api/me/offers/" + next.get("id").asLong() + "/accept", a, null);
    post("/api/me/offers/" + ofC.get("id").asLong() + "/accept", c, null);

    // b lets item 1 time out: paused by the system, and item 1 goes to a
    clock.pin(t0.plusSeconds(11));
    assertThat(get("/api/me/offer", b).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    JsonNode paused = get("/api/me/presence", b).getBody();
    assertThat(paused.get("state").asText()).isEqualTo("PAUSED");
    assertThat(paused.get("reason").asText()).isEqualTo(Presences.MISSED_OFFERS);
    assertThat(paused.get("source").asText()).isEqualTo("SYSTEM");
    assertThat(offer(a).get("taskId").asText()).isEqualTo(items.get(1));
    assertThat(
            post("/api/me/offers/" + ofB.get("id").asLong() + "/accept", b, null).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(offersOf(items.get(1))).containsExactly(b + ":EXPIRED", a + ":OPEN");

    // b is back: item 0, which a declined, is now b's
    presence(b, "AVAILABLE", null);
    assertThat(offer(b).get("taskId").asText()).isEqualTo(items.get(0));
    assertThat(offersOf(items.get(0))).containsExactly(a + ":DECLINED", b + ":OPEN");
  }

  @Test
  void twoConcurrentRoundsNeverOfferOneItemTwice() throws Exception {
    policy("FIFO", "PUSH", 30);
    for (String operator : List.of(a, b, c)) {
      presence(operator, "AVAILABLE", null);
    }
    List<CompletableFuture<Integer>> rounds = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      rounds.add(CompletableFuture.supplyAsync(this::round));
    }
    int made = 0;
    for (CompletableFuture<Integer> round : rounds) {
      made += round.get();
    }

    assertThat(made).isEqualTo(3);
    List<Map<String, Object>> open =
        jdbc.queryForList(
            "select task_id, operator from sportello.distribution_offer where queue = ? and state = 'OPEN'",
            queue);
    assertThat(open).hasSize(3);
    assertThat(open.stream().map(row -> row.get("task_id")).distinct()).hasSize(3);
    // a second node ignoring the round's lock still cannot offer an offered task again
    Object offered = open.get(0).get("task_id");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                jdbc.update(
                    "insert into sportello.distribution_offer (task_id, queue, operator, state,"
                        + " offered_at, expires_at) values (?, ?, 'someone-else', 'OPEN', now(), now())",
                    offered,
                    queue))
        .isInstanceOf(DuplicateKeyException.class);
  }

  // ---------------------------------------------------------------- supervisors

  @Test
  void theBoardShowsEveryQueuesPolicyAndWorkAndEveryOperatorsPresenceAndLoad() {
    policy("LONGEST_IDLE", "PUSH", 45);
    presence(a, "PAUSED", "MEETING");
    presence(b, "AVAILABLE", null);

    ResponseEntity<JsonNode> response = get("/api/supervisor/board", "supervisor");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode row =
        StreamSupport.stream(response.getBody().get("queues").spliterator(), false)
            .filter(q -> q.get("queue").asText().equals(queue))
            .findFirst()
            .orElseThrow();
    assertThat(row.get("policy").asText()).isEqualTo("LONGEST_IDLE");
    assertThat(row.get("mode").asText()).isEqualTo("PUSH");
    assertThat(row.get("offerTimeoutSeconds").asInt()).isEqualTo(45);
    assertThat(row.get("waiting").asLong()).isEqualTo(20);
    assertThat(row.get("oldestWaitingSince").isNull()).isFalse();
    JsonNode operatorA = operatorRow(response.getBody(), a);
    assertThat(operatorA.get("state").asText()).isEqualTo("PAUSED");
    assertThat(operatorA.get("reason").asText()).isEqualTo("MEETING");
    assertThat(operatorA.get("load").get("OFFLINE").asInt()).isZero();
    assertThat(operatorA.get("capacity").get("OFFLINE").asInt()).isEqualTo(1);
    assertThat(operatorA.get("queues").get(0).asText()).isEqualTo(queue);
    assertThat(operatorRow(response.getBody(), b).get("state").asText()).isEqualTo("AVAILABLE");
    assertThat(get("/api/supervisor/board", a).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    // the supervisor reassigns an item; it is on the item's history
    ResponseEntity<JsonNode> reassigned =
        post(
            "/api/distribution/tasks/" + items.get(5) + "/assign",
            "supervisor",
            Map.of("userId", c));
    assertThat(reassigned.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().taskId(items.get(5)).singleResult().getAssignee())
        .isEqualTo(c);
    JsonNode board = get("/api/supervisor/board", "supervisor").getBody();
    assertThat(operatorRow(board, c).get("load").get("OFFLINE").asInt()).isEqualTo(1);
    assertThat(
            post(
                    "/api/distribution/tasks/" + items.get(6) + "/assign",
                    "supervisor",
                    Map.of("userId", "operator2"))
                .getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void policiesAreChangedLiveBySupervisorsOnly() {
    ResponseEntity<JsonNode> bad =
        call(
            HttpMethod.PUT,
            "/api/distribution/policies/" + queue,
            "supervisor",
            Map.of("policy", "SKILLS", "mode", "PUSH", "offerTimeoutSeconds", 1));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().toString()).contains("offerTimeoutSeconds");
    assertThat(
            call(
                    HttpMethod.PUT,
                    "/api/distribution/policies/" + queue,
                    a,
                    Map.of("policy", "SKILLS", "mode", "PUSH"))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    policy("SKILLS", "PUSH", 20);
    JsonNode policies = get("/api/distribution/policies", "supervisor").getBody();
    JsonNode mine =
        StreamSupport.stream(policies.spliterator(), false)
            .filter(p -> p.get("queue").asText().equals(queue))
            .findFirst()
            .orElseThrow();
    assertThat(mine.get("policy").asText()).isEqualTo("SKILLS");
    assertThat(mine.get("updatedBy").asText()).isEqualTo("supervisor");
  }

  // ---------------------------------------------------------------- helpers

  private ResponseEntity<JsonNode> presence(String user, String state, String reason) {
    Map<String, Object> body = new HashMap<>();
    body.put("state", state);
    if (reason != null) {
      body.put("reason", reason);
    }
    return call(HttpMethod.PUT, "/api/me/presence", user, body);
  }

  private void policy(String policy, String mode, int timeout) {
    policy(policy, mode, timeout, 2);
  }

  private void policy(String policy, String mode, int timeout, int missed) {
    policy(queue, policy, mode, timeout, missed);
  }

  private List<JsonNode> skillHistory(String operator) {
    List<JsonNode> rows = new ArrayList<>();
    get("/api/distribution/skills/history?operator=" + operator, "supervisor")
        .getBody()
        .forEach(rows::add);
    return rows;
  }

  private void capacity(String operator, int offline) {
    ResponseEntity<JsonNode> response =
        call(
            HttpMethod.PUT,
            "/api/distribution/operators/" + operator + "/capacity",
            "supervisor",
            Map.of("OFFLINE", offline));
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
  }

  private int round() {
    ResponseEntity<JsonNode> response =
        post("/api/distribution/queues/" + queue + "/round", "supervisor", null);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
    return response.getBody().get("offers").asInt();
  }

  private JsonNode offer(String operator) {
    ResponseEntity<JsonNode> response = get("/api/me/offer", operator);
    assertThat(response.getStatusCode()).as("an offer for %s", operator).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private List<String> offersOf(String taskId) {
    List<String> offers = new ArrayList<>();
    get("/api/distribution/tasks/" + taskId + "/offers", "supervisor")
        .getBody()
        .forEach(o -> offers.add(o.get("operator").asText() + ":" + o.get("state").asText()));
    return offers;
  }

  private static JsonNode operatorRow(JsonNode board, String operator) {
    return StreamSupport.stream(board.get("operators").spliterator(), false)
        .filter(o -> o.get("operator").asText().equals(operator))
        .findFirst()
        .orElseThrow(() -> new AssertionError(operator + " not on the board"));
  }

  private static Map<String, Object> agentState(String agent, String state, Instant at) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("eventId", UUID.randomUUID().toString());
    event.put("kind", "AGENT_STATE");
    event.put("occurredAt", at.toString());
    event.put("agent", agent);
    event.put("agentState", state);
    return event;
  }

  private static Map<String, Object> callEvent(
      String kind, String callId, Instant at, Map<String, Object> fields) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("eventId", UUID.randomUUID().toString());
    event.put("kind", kind);
    event.put("callId", callId);
    event.put("occurredAt", at.toString());
    event.putAll(fields);
    return event;
  }

  private void webhook(Map<String, Object> event) {
    try {
      String body = json.writeValueAsString(event);
      String timestamp = String.valueOf(clock.instant().getEpochSecond());
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(PHONE_WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String signature =
          "sha256="
              + HexFormat.of()
                  .formatHex(
                      mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_JSON);
      headers.add("X-Sportello-Timestamp", timestamp);
      headers.add("X-Sportello-Signature", signature);
      ResponseEntity<JsonNode> response =
          rest.exchange(
              "/api/phone/events",
              HttpMethod.POST,
              new HttpEntity<>(body, headers),
              JsonNode.class);
      assertThat(response.getStatusCode().is2xxSuccessful()).as("%s", response.getBody()).isTrue();
    } catch (java.security.GeneralSecurityException
        | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
