package it.sportello.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chat end to end through a real WebSocket client and the HTTP fallback: order, reconnection
 * without loss, delivery through the database (as from another node), hand-off to an operator,
 * closing with a solution (a CHAT ticket with the transcript), the operator's limit, the service's
 * hours, and tokens that read only their own conversation.
 */
class ChatIT extends IntegrationTest {

  /** This test\'s own client address (the public chat is rate-limited per address). */
  final String address = ClientAddresses.next();

  final ChatCitizen chat = new ChatCitizen(this::call, address);

  /** A Monday, 10:00 in Rome: the service is open. */
  static final Instant OPEN = Instant.parse("2026-12-07T09:00:00Z");

  /** A Sunday, 10:00 in Rome: the service is closed. */
  static final Instant CLOSED = Instant.parse("2026-12-06T09:00:00Z");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void messagesArriveInOrderAndAReconnectionResumesFromTheLastSeenNumber() throws Exception {
    clock.pin(OPEN);
    String token = startWithPrivacy("it", Map.of("accepted", true));
    long lastSeen;
    try (ChatSocket socket = citizenSocket(token, 0)) {
      JsonNode welcome = socket.nextMessage();
      assertThat(welcome.path("seq").asLong()).isEqualTo(1);
      assertThat(welcome.path("authorKind").asText()).isEqualTo("BOT");
      socket.send(Map.of("type", "say", "text", "operatore"));
      List<JsonNode> handOff = socket.messages(2);
      assertThat(handOff.get(0).path("body").asText()).isEqualTo("operatore");
      assertThat(handOff.get(1).path("authorKind").asText()).isEqualTo("SYSTEM");
      socket.nextState(state -> state.path("status").asText().equals("QUEUED"));
      for (int i = 1; i <= 5; i++) {
        socket.send(Map.of("type", "say", "text", "messaggio " + i));
      }
      List<JsonNode> said = socket.messages(5);
      assertThat(said)
          .extracting(m -> m.path("body").asText())
          .containsExactly(
              "messaggio 1", "messaggio 2", "messaggio 3", "messaggio 4", "messaggio 5");
      lastSeen = said.get(4).path("seq").asLong();
    }
    // while disconnected: three messages through the HTTP fallback
    for (int i = 6; i <= 8; i++) {
      assertThat(chat.say(token, "messaggio " + i).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    JsonNode missed =
        chat.call(HttpMethod.GET, "/api/public/chat/messages?after=" + lastSeen, token, null)
            .getBody();
    assertThat(missed)
        .extracting(m -> m.path("body").asText())
        .containsExactly("messaggio 6", "messaggio 7", "messaggio 8");
    try (ChatSocket socket = citizenSocket(token, lastSeen)) {
      List<JsonNode> resumed = socket.messages(3);
      assertThat(resumed.get(0).path("seq").asLong()).isEqualTo(lastSeen + 1);
      assertThat(resumed)
          .extracting(m -> m.path("body").asText())
          .containsExactly("messaggio 6", "messaggio 7", "messaggio 8");
    }
  }

  @Test
  void aMessageStoredByAnotherNodeReachesTheSocketThroughTheDatabase() throws Exception {
    clock.pin(OPEN);
    String token = startWithPrivacy("it", Map.of("accepted", true));
    long id = ChatCitizen.idOf(jdbc, token);
    try (ChatSocket socket = citizenSocket(token, 1)) {
      socket.nextState(state -> true);
      // what another node's ChatStore does, in its own transaction: the next number, the row,
      // NOTIFY; this node hears of it only from PostgreSQL
      jdbc.sql(
              "with next as (update sportello.chat_conversation set last_seq = last_seq + 1 where id = ?"
                  + " returning last_seq) insert into sportello.chat_message (conversation_id, seq,"
                  + " author_kind, author, body, sent_at) select ?, last_seq, 'OPERATOR',"
                  + " 'operator2', 'dall''altro nodo', now() from next")
          .params(id, id)
          .update();
      jdbc.sql("select pg_notify('sportello_chat', ?)")
          .param(Long.toString(id))
          .query()
          .singleRow();
      JsonNode message = socket.nextMessage();
      assertThat(message.path("body").asText()).isEqualTo("dall'altro nodo");
      assertThat(message.path("seq").asLong()).isEqualTo(2);
      assertThat(message.path("author").textValue())
          .as("operators' names stay with the staff")
          .isNull();
    }
  }

  @Test
  void anOperatorTakesTheQueuedChatAnswersAndClosesItWithASolution() throws Exception {
    clock.pin(OPEN);
    String fiscalCode = fiscalCode();
    String token =
        startWithPrivacy(
            "it", Map.of("accepted", true, "name", "Maria Chat", "fiscalCode", fiscalCode));
    JsonNode queued = chat.say(token, "operatore").getBody();
    assertThat(queued.path("status").asText()).isEqualTo("QUEUED");
    assertThat(queued.path("position").asInt()).isPositive();
    long id = ChatCitizen.idOf(jdbc, token);

    JsonNode console = get("/api/chats", "operator1").getBody();
    assertThat(console.path("waiting")).extracting(c -> c.path("id").asLong()).contains(id);
    assertThat(console.path("limit").asInt()).isEqualTo(3);
    assertThat(
            post("/api/chats/" + id + "/messages", "operator1", Map.of("text", "x"))
                .getStatusCode())
        .as("only the operator who took it answers")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("/api/chats/" + id + "/take", "operator1", null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(post("/api/chats/" + id + "/take", "operator2", null).getStatusCode())
        .as("taken once")
        .isEqualTo(HttpStatus.CONFLICT);

    try (ChatSocket citizen =
            citizenSocket(token, ChatCitizen.idOf(jdbc, token) == id ? lastSeq(id) : 0);
        ChatSocket operator = new ChatSocket(port, "/api/chats/socket", "operator1", json)) {
      citizen.nextState(state -> state.path("status").asText().equals("ACTIVE"));
      operator.send(Map.of("type", "hello", "conversation", id, "after", lastSeq(id)));
      operator.nextState(state -> true);
      operator.send(Map.of("type", "say", "text", "Buongiorno, come posso aiutarla?"));
      JsonNode reply = citizen.nextMessage();
      assertThat(reply.path("authorKind").asText()).isEqualTo("OPERATOR");
      assertThat(reply.path("body").asText()).isEqualTo("Buongiorno, come posso aiutarla?");
      operator.nextMessage();
      citizen.send(Map.of("type", "say", "text", "Non trovo il bollettino TARI"));
      JsonNode question = operator.nextMessage();
      assertThat(question.path("authorKind").asText()).isEqualTo("CITIZEN");
      assertThat(question.path("body").asText()).isEqualTo("Non trovo il bollettino TARI");
    }

    JsonNode closed =
        post(
                "/api/chats/" + id + "/solve",
                "operator1",
                Map.of("solution", "Inviato il duplicato."))
            .getBody();
    assertThat(closed.path("outcome").asText()).isEqualTo("SOLVED");
    String number = closed.path("ticketNumber").asText();
    assertThat(closed.path("contactId").isNumber()).as("the contact's history link").isTrue();
    JsonNode ticket = get("/api/tickets/" + number, "supervisor").getBody();
    assertThat(ticket.path("channel").asText()).isEqualTo("CHAT");
    assertThat(ticket.path("type").asText()).isEqualTo("Q");
    JsonNode documents = get("/api/tickets/" + number + "/documents", "supervisor").getBody();
    assertThat(documents)
        .extracting(d -> d.path("fileName").asText())
        .contains("chat-" + id + ".txt");
    assertThat(
            chat.call(HttpMethod.GET, "/api/public/chat/state", token, null)
                .getBody()
                .path("status")
                .asText())
        .isEqualTo("CLOSED");
    assertThat(chat.say(token, "ancora").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void anOperatorOpensATicketToContinueOfflineAndHandlesNoMoreThanTheLimit() {
    clock.pin(OPEN);
    // operator3 answers the default queue (a member of its group "general")
    // chats other tests left with operator3 (a transfer, a chat not closed) go on as tickets first
    for (JsonNode held : get("/api/chats", "operator3").getBody().path("mine")) {
      post("/api/chats/" + held.path("id").asLong() + "/ticket", "operator3", null);
    }
    List<Long> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String token = startWithPrivacy("en", Map.of("accepted", true));
      assertThat(
              chat.call(HttpMethod.POST, "/api/public/chat/operator", token, null)
                  .getBody()
                  .path("status")
                  .asText())
          .isEqualTo("QUEUED");
      ids.add(ChatCitizen.idOf(jdbc, token));
    }
    for (int i = 0; i < 3; i++) {
      assertThat(post("/api/chats/" + ids.get(i) + "/take", "operator3", null).getStatusCode())
          .isEqualTo(HttpStatus.OK);
    }
    ResponseEntity<JsonNode> fourth = post("/api/chats/" + ids.get(3) + "/take", "operator3", null);
    assertThat(fourth.getStatusCode()).as("%s", fourth.getBody()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(get("/api/chats", "operator3").getBody().path("mine")).hasSize(3);

    JsonNode continued = post("/api/chats/" + ids.get(0) + "/ticket", "operator3", null).getBody();
    assertThat(continued.path("outcome").asText()).isEqualTo("TICKET");
    JsonNode ticket =
        get("/api/tickets/" + continued.path("ticketNumber").asText(), "supervisor").getBody();
    assertThat(ticket.path("channel").asText()).isEqualTo("CHAT");
    assertThat(ticket.path("status").asText()).isNotEqualTo("CLOSED");
    assertThat(post("/api/chats/" + ids.get(3) + "/take", "operator3", null).getStatusCode())
        .as("one chat fewer: room for the next")
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void outsideTheServiceHoursTheChatOffersTheRequestForm() {
    clock.pin(CLOSED);
    assertThat(
            get("/api/public/chat/availability", null)
                .getBody()
                .path("operatorsAvailable")
                .asBoolean())
        .isFalse();
    String token = startWithPrivacy("it", Map.of("accepted", true));
    JsonNode state = chat.say(token, "operatore").getBody();
    assertThat(state.path("status").asText()).isEqualTo("BOT");
    assertThat(state.path("operatorsAvailable").asBoolean()).isFalse();
    JsonNode messages =
        chat.call(HttpMethod.GET, "/api/public/chat/messages", token, null).getBody();
    assertThat(messages.get(messages.size() - 1).path("body").asText())
        .contains("/self-service/request");
  }

  @Test
  void theFirstMessageNeedsThePrivacyNoticeAndATokenReadsOnlyItsOwnChat() {
    clock.pin(OPEN);
    String first = chat.start(Map.of("language", "it", "page", "/test"));
    ResponseEntity<JsonNode> refused = chat.say(first, "ciao");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().toString()).contains("privacy");
    accept(first, Map.of("accepted", true));
    String second = startWithPrivacy("it", Map.of("accepted", true));
    chat.call(HttpMethod.POST, "/api/public/chat/operator", second, null);
    chat.say(second, "segreto del secondo");

    JsonNode firstMessages =
        chat.call(HttpMethod.GET, "/api/public/chat/messages", first, null).getBody();
    assertThat(firstMessages.toString()).doesNotContain("segreto del secondo");
    assertThat(
            chat.call(HttpMethod.GET, "/api/public/chat/messages", first + "x", null)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("/api/chats", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("/api/chats/" + ChatCitizen.idOf(jdbc, second), null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("/api/chats", "kbeditor").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  // --- helpers ---

  private ChatSocket citizenSocket(String token, long after) throws Exception {
    ChatSocket socket = new ChatSocket(port, "/api/public/chat/socket", null, json);
    socket.send(Map.of("type", "hello", "token", token, "after", after));
    return socket;
  }

  String startWithPrivacy(String language, Map<String, ?> acceptance) {
    String token = chat.start(Map.of("language", language, "page", "/test"));
    accept(token, acceptance);
    return token;
  }

  void accept(String token, Map<String, ?> acceptance) {
    ResponseEntity<JsonNode> accepted =
        chat.call(HttpMethod.POST, "/api/public/chat/privacy", token, acceptance);
    assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(accepted.getBody().path("privacyAccepted").asBoolean()).isTrue();
  }

  long lastSeq(long id) {
    return jdbc.sql("select last_seq from sportello.chat_conversation where id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }
}
