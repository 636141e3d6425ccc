package it.sportello.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.TestUsers;
import it.sportello.search.SearchIndex;
import it.sportello.search.SearchNodes;
import it.sportello.search.embedded.EmbeddedSearchNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bot's guided paths (BPMN processes {@code chat-path-*}) over the public chat API: the menu
 * after the privacy notice, the questions of the tasks' forms in the chat's language, answers
 * checked against the field, the three endings (a hand-off with the answers in the console, a
 * ticket, an answer), a suggestion from the citizen's words, and an analyst's new version through
 * the studio reaching the next chat while a running one stays on its version.
 */
class ChatPathsIT extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identityService;

  @Autowired EmbeddedSearchNode searchNode;
  @Autowired SearchIndex searchIndex;

  /**
   * The bot answers from the knowledge base: without the search node it finds nothing and hands
   * off.
   */
  @BeforeEach
  void searchNodeIsUpAndTheIndexInStep() throws Exception {
    SearchNodes.upAndInStep(searchNode, searchIndex);
  }

  final String address = ClientAddresses.next();

  final ChatCitizen chat = new ChatCitizen(this::call, address);

  @Test
  void theTariPathAsksWithButtonsAndHandsOverWithTheAnswersInTheConsole() {
    clock.pin(ChatIT.OPEN);
    String token = chat.startWithPrivacy(Map.of("language", "it"));
    JsonNode state = state(token);
    List<String> offered = new ArrayList<>();
    state.path("paths").forEach(path -> offered.add(path.path("key").asText()));
    assertThat(offered).contains("chat-path-tari", "chat-path-residence", "chat-path-address");

    state =
        chat.call(HttpMethod.POST, "/api/public/chat/path", token, Map.of("path", "chat-path-tari"))
            .getBody();
    JsonNode prompt = state.path("prompt");
    assertThat(prompt.path("type").asText()).isEqualTo("radio");
    assertThat(prompt.path("label").asText()).isEqualTo("Come hai pagato la TARI?");
    assertThat(prompt.path("options").findValuesAsText("value"))
        .containsExactly("PAGOPA", "F24", "DIRECT_DEBIT");
    assertThat(state.path("paths").size()).isZero();

    ResponseEntity<JsonNode> wrong = answer(token, "CASH");
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrong.getBody().toString()).contains("value");

    assertThat(answer(token, "PAGOPA").getBody().path("prompt").path("type").asText())
        .isEqualTo("datetime");
    assertThat(answer(token, "31/05/2026").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer(token, "2026-05-31").getBody().path("prompt").path("type").asText())
        .isEqualTo("checkbox");
    assertThat(answer(token, "true").getBody().path("prompt").path("type").asText())
        .isEqualTo("textfield");
    JsonNode queued = answer(token, "301000000012345678").getBody();

    assertThat(queued.path("status").asText()).isEqualTo("QUEUED");
    assertThat(queued.path("prompt").isMissingNode() || queued.path("prompt").isNull()).isTrue();
    assertThat(bodies(token))
        .contains("Avviso pagoPA (app, banca, tabaccheria, posta)", "31/05/2026", "Sì");
    long id = ChatCitizen.idOf(jdbc, token);
    JsonNode waiting = get("/api/chats", "operator1").getBody().path("waiting");
    JsonNode mine = null;
    for (JsonNode chat : waiting) {
      if (chat.path("id").asLong() == id) {
        mine = chat;
      }
    }
    assertThat(mine).as("%s", waiting).isNotNull();
    assertThat(mine.path("handoffReason").asText()).isEqualTo("PATH");

    JsonNode path = get("/api/chats/" + id + "/path", "operator1").getBody();
    assertThat(path.path("title").asText()).isEqualTo("Pagamento TARI non registrato");
    assertThat(path.path("queue").asText()).isEqualTo("payments");
    assertThat(path.path("ending").asText()).isEqualTo("HANDOFF");
    assertThat(path.path("answers").findValuesAsText("key"))
        .containsExactly("paymentMethod", "paymentDate", "hasReceipt", "noticeCode");
    assertThat(path.path("answers").findValuesAsText("shown")).contains("301000000012345678");
    assertThat(get("/api/chats/" + id + "/path", "kbeditor").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // the path's queue routes the chat: it waits in "payments", for that queue's operators only
    assertThat(
            get("/api/chats/" + id + "/queue", "operator1")
                .getBody()
                .at("/estimate/queue")
                .asText())
        .isEqualTo("payments");
    assertThat(queued.path("position").asInt())
        .as("its place among the payments queue's chats")
        .isEqualTo(
            jdbc.sql(
                    "select count(*) from sportello.chat_conversation c, sportello.chat_conversation me"
                        + " where me.id = ? and c.status = 'QUEUED' and c.queue = 'payments'"
                        + " and (c.queued_at < me.queued_at or (c.queued_at = me.queued_at"
                        + " and c.id <= me.id))")
                .param(id)
                .query(Integer.class)
                .single());
    String generalOnly = operatorOf("general");
    for (String other : List.of(generalOnly, "operator2")) {
      assertThat(get("/api/chats", other).getBody().path("waiting").findValuesAsText("id"))
          .as("%s answers no payments chat", other)
          .doesNotContain(Long.toString(id));
      assertThat(post("/api/chats/" + id + "/take", other, null).getStatusCode())
          .as("%s may not take it", other)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(get("/api/chats", "operator3").getBody().path("waiting").findValuesAsText("id"))
        .as("another operator of payments sees it")
        .contains(Long.toString(id));
    // chats other tests left with operator1 go on as tickets first (the limit is 3)
    for (JsonNode held : get("/api/chats", "operator1").getBody().path("mine")) {
      post("/api/chats/" + held.path("id").asLong() + "/ticket", "operator1", null);
    }
    assertThat(post("/api/chats/" + id + "/take", "operator1", null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    post("/api/chats/" + id + "/ticket", "operator1", null);
  }

  /** A new operator (password demo) of one queue only. */
  private String operatorOf(String queue) {
    String id = "chat-" + queue + "-" + UUID.randomUUID().toString().substring(0, 8);
    return TestUsers.create(identityService, id, "level1", queue);
  }

  @Test
  void anEnglishChatIsAskedInEnglish() {
    clock.pin(ChatIT.OPEN);
    String token = chat.startWithPrivacy(Map.of("language", "en"));
    JsonNode state =
        chat.call(HttpMethod.POST, "/api/public/chat/path", token, Map.of("path", "chat-path-tari"))
            .getBody();
    assertThat(state.path("prompt").path("label").asText()).isEqualTo("How did you pay the TARI?");
    assertThat(state.path("prompt").path("options").findValuesAsText("label")).contains("F24 form");
  }

  @Test
  void theResidencePathWithoutDigitalIdentityOpensAChatbotTicketWithTheAnswers() {
    clock.pin(ChatIT.OPEN);
    String token = chat.startWithPrivacy(Map.of("language", "it"));
    chat.call(
        HttpMethod.POST, "/api/public/chat/path", token, Map.of("path", "chat-path-residence"));
    answer(token, "FAMILY");
    JsonNode closed = answer(token, "false").getBody();

    assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
    String number = closed.path("ticketNumber").asText();
    assertThat(number).isNotBlank();
    JsonNode ticket = get("/api/tickets/" + number, "supervisor").getBody();
    assertThat(ticket.path("channel").asText()).isEqualTo("CHATBOT");
    assertThat(ticket.path("type").asText()).isEqualTo("Q");
    assertThat(ticket.path("status").asText()).isNotEqualTo("CLOSED");
    assertThat(ticket.path("subject").asText()).contains("Certificato di residenza");
    assertThat(ticket.toString()).contains("Per un familiare che vive con me");
  }

  @Test
  void typedWordsSuggestAPathAndTypedTextAnswersItsQuestion() {
    clock.pin(ChatIT.OPEN);
    String token = chat.startWithPrivacy(Map.of("language", "it"));
    JsonNode state = chat.say(token, "Devo fare il cambio di indirizzo, come faccio?").getBody();
    if (state.path("awaitingFeedback").asBoolean()) {
      // next to the articles' "did this help?", only the paths the words match
      assertThat(state.path("paths").findValuesAsText("key")).containsExactly("chat-path-address");
    } else {
      assertThat(state.path("paths").findValuesAsText("key")).contains("chat-path-address");
    }

    chat.call(HttpMethod.POST, "/api/public/chat/path", token, Map.of("path", "chat-path-address"));
    answer(token, "WITHIN");
    answer(token, "2026-11-20");
    assertThat(chat.say(token, "zero").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode answered = chat.say(token, "2").getBody();
    assertThat(answered.path("prompt").isMissingNode() || answered.path("prompt").isNull())
        .isTrue();
    assertThat(answered.path("status").asText()).isEqualTo("BOT");
    assertThat(bodies(token)).anyMatch(body -> body.contains("entro 20 giorni"));
  }

  @Test
  void askingForAnOperatorStopsThePathAndKeepsItsAnswers() {
    clock.pin(ChatIT.OPEN);
    String token = chat.startWithPrivacy(Map.of("language", "it"));
    chat.call(HttpMethod.POST, "/api/public/chat/path", token, Map.of("path", "chat-path-tari"));
    answer(token, "F24");
    JsonNode queued = chat.say(token, "operatore").getBody();

    assertThat(queued.path("status").asText()).isEqualTo("QUEUED");
    JsonNode path =
        get("/api/chats/" + ChatCitizen.idOf(jdbc, token) + "/path", "operator1").getBody();
    assertThat(path.path("status").asText()).isEqualTo("CANCELLED");
    assertThat(path.path("answers").findValuesAsText("value")).containsExactly("F24");
  }

  @Test
  void anAnalystsNewVersionIsUsedByTheNextChatWhileARunningChatStaysOnItsVersion()
      throws IOException {
    clock.pin(ChatIT.OPEN);
    String running = chat.startWithPrivacy(Map.of("language", "it"));
    chat.call(
        HttpMethod.POST, "/api/public/chat/path", running, Map.of("path", "chat-path-address"));
    answer(running, "WITHIN");
    String before = definitionOf(running);

    // the analyst changes the path's answer in the studio; a second analyst approves
    String shipped;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("bpmn/chat/chat-path-address.bpmn")) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String changed =
        shipped.replace(
            "value=\"Il cambio di indirizzo si dichiara entro 20 giorni",
            "value=\"Nuova versione: il cambio di indirizzo si dichiara entro 20 giorni");
    assertThat(changed).isNotEqualTo(shipped);
    ResponseEntity<JsonNode> saved =
        post(
            "/api/studio/drafts",
            "analyst",
            Map.of("kind", "BPMN", "content", changed, "changeNote", "Testo della risposta"));
    assertThat(saved.getStatusCode()).as("%s", saved.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(saved.getBody().path("problems").size()).as("%s", saved.getBody()).isZero();
    long draftId = saved.getBody().path("draft").path("id").asLong();
    ResponseEntity<JsonNode> asked =
        post("/api/studio/drafts/" + draftId + "/deploy-requests", "analyst", Map.of());
    assertThat(asked.getStatusCode()).as("%s", asked.getBody()).isEqualTo(HttpStatus.CREATED);
    ResponseEntity<JsonNode> approved =
        post(
            "/api/studio/deploy-requests/" + asked.getBody().path("id").asLong() + "/decision",
            "analyst2",
            Map.of("decision", "APPROVE", "comments", "Verificato"));
    assertThat(approved.getStatusCode()).as("%s", approved.getBody()).isEqualTo(HttpStatus.OK);

    String next = chat.startWithPrivacy(Map.of("language", "it"));
    chat.call(HttpMethod.POST, "/api/public/chat/path", next, Map.of("path", "chat-path-address"));
    assertThat(definitionOf(next)).isNotEqualTo(before);
    for (String token : List.of(running, next)) {
      if (token.equals(next)) {
        answer(token, "WITHIN");
      }
      answer(token, "2026-11-20");
      answer(token, "1");
    }

    assertThat(definitionOf(running)).isEqualTo(before);
    assertThat(bodies(running))
        .anyMatch(body -> body.startsWith("Il cambio di indirizzo si dichiara"))
        .noneMatch(body -> body.startsWith("Nuova versione"));
    assertThat(bodies(next)).anyMatch(body -> body.startsWith("Nuova versione"));
  }

  // --- helpers ---

  private JsonNode state(String token) {
    return chat.call(HttpMethod.GET, "/api/public/chat/state", token, null).getBody();
  }

  private List<String> bodies(String token) {
    List<String> bodies = new ArrayList<>();
    chat.call(HttpMethod.GET, "/api/public/chat/messages", token, null)
        .getBody()
        .forEach(message -> bodies.add(message.path("body").asText()));
    return bodies;
  }

  private ResponseEntity<JsonNode> answer(String token, String value) {
    return chat.call(
        HttpMethod.POST, "/api/public/chat/path/answer", token, Map.of("value", value));
  }

  private String definitionOf(String token) {
    return jdbc.sql("select definition_id from sportello.chat_path where conversation_id = ?")
        .param(ChatCitizen.idOf(jdbc, token))
        .query(String.class)
        .single();
  }
}
