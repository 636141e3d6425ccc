package it.sportello.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.SecondNode;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestTemplate;

/**
 * Issue 21 item 6, two nodes: a second application instance (node B) on this test's database, no
 * sticky sessions. The citizen is connected to node A (this test's application), the operator to
 * node B: what each writes reaches the other, both ways, through PostgreSQL ({@code LISTEN/NOTIFY}
 * and "after seq N").
 */
class ChatTwoNodesIT extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  private ConfigurableApplicationContext nodeB;

  @AfterEach
  void stopNodeB() {
    if (nodeB != null) {
      nodeB.close();
    }
  }

  @Test
  void aChatWorksWithTheCitizenOnOneNodeAndTheOperatorOnTheOther() throws Exception {
    clock.pin(ChatIT.OPEN);
    nodeB = SecondNode.start(dataSource);
    int portB = ((WebServerApplicationContext) nodeB).getWebServer().getPort();
    assertThat(portB).isNotEqualTo(port);

    // the citizen, on node A: start, privacy, hand-off (node A's calendar: the service is open)
    JsonNode started =
        post("/api/public/chat/conversations", null, Map.of("language", "it", "page", "/a"))
            .getBody();
    String token = started.path("token").asText();
    call(
        HttpMethod.POST,
        "/api/public/chat/privacy",
        null,
        Map.of("accepted", true),
        Map.of("X-Chat-Token", token));
    call(
        HttpMethod.POST,
        "/api/public/chat/messages",
        null,
        Map.of("text", "operatore"),
        Map.of("X-Chat-Token", token));
    long id =
        jdbc.sql("select id from sportello.chat_conversation where token_hash = ?")
            .param(Chats.hash(token))
            .query(Long.class)
            .single();

    // chats other tests left with operator3 (ChatIT's limit test) go on as tickets first: an
    // operator
    // holds three at most
    for (JsonNode held : get("/api/chats", "operator3").getBody().path("mine")) {
      post("/api/chats/" + held.path("id").asLong() + "/ticket", "operator3", null);
    }

    // the operator, on node B: takes the chat there
    RestTemplate onB = new RestTemplate();
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("operator3", "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertThat(
            onB.exchange(
                    "http://localhost:" + portB + "/api/chats/" + id + "/take",
                    HttpMethod.POST,
                    new HttpEntity<>(null, headers),
                    JsonNode.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    long seen =
        jdbc.sql("select last_seq from sportello.chat_conversation where id = ?")
            .param(id)
            .query(Long.class)
            .single();

    try (ChatSocket citizen = new ChatSocket(port, "/api/public/chat/socket", null, json);
        ChatSocket operator = new ChatSocket(portB, "/api/chats/socket", "operator3", json)) {
      citizen.send(Map.of("type", "hello", "token", token, "after", seen));
      operator.send(Map.of("type", "hello", "conversation", id, "after", seen));
      citizen.nextState(state -> state.path("status").asText().equals("ACTIVE"));
      operator.nextState(state -> true);

      operator.send(Map.of("type", "say", "text", "Dal nodo B: buongiorno"));
      JsonNode onA = citizen.nextMessage();
      assertThat(onA.path("authorKind").asText()).isEqualTo("OPERATOR");
      assertThat(onA.path("body").asText()).isEqualTo("Dal nodo B: buongiorno");

      citizen.send(Map.of("type", "say", "text", "Dal nodo A: ho una domanda"));
      JsonNode reachedB =
          operator.next(
              frame ->
                  "message".equals(frame.path("type").asText())
                      && "CITIZEN".equals(frame.path("authorKind").asText()));
      assertThat(reachedB.path("body").asText()).isEqualTo("Dal nodo A: ho una domanda");
      assertThat(reachedB.path("seq").asLong()).isEqualTo(onA.path("seq").asLong() + 1);
    }
  }
}
