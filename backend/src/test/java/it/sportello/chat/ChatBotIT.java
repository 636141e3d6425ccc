package it.sportello.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.search.SearchIndex;
import it.sportello.search.SearchNodes;
import it.sportello.search.embedded.EmbeddedSearchNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bot on the real knowledge-base search (the demo articles): it cites and links the best public
 * articles and asks whether they helped; "yes" records a closed ticket of type B on channel CHATBOT
 * with the transcript; two "no" hand the chat to an operator.
 */
class ChatBotIT extends IntegrationTest {

  /** This test\'s own client address (the public chat is rate-limited per address). */
  final String address = ClientAddresses.next();

  final ChatCitizen chat = new ChatCitizen(this::call, address);

  @Autowired EmbeddedSearchNode node;
  @Autowired SearchIndex searchIndex;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void searchNodeIsUpAndTheIndexInStep() throws Exception {
    SearchNodes.upAndInStep(node, searchIndex);
  }

  @Test
  void aChatTheBotAnsweredAloneIsAClosedTicketOfTypeBOnChannelChatbot() {
    clock.pin(ChatIT.OPEN);
    String token = chat.startWithPrivacy(Map.of("language", "it"));
    JsonNode state = chat.say(token, "pagamento tassa rifiuti").getBody();
    assertThat(state.path("awaitingFeedback").asBoolean()).isTrue();
    JsonNode messages = messages(token);
    JsonNode cited = null;
    for (JsonNode message : messages) {
      if (message.path("articles").size() > 0) {
        cited = message.path("articles");
      }
    }
    assertThat(cited).as("a bot answer cites articles: %s", messages).isNotNull();
    assertThat(cited.toString()).contains("Come pagare la TARI");
    assertThat(cited.get(0).path("url").asText()).startsWith("/self-service/kb/");
    assertThat(messages.get(messages.size() - 1).path("body").asText()).contains("risolto");

    JsonNode closed = chat.say(token, "sì").getBody();
    assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
    String number = closed.path("ticketNumber").asText();
    JsonNode ticket = get("/api/tickets/" + number, "supervisor").getBody();
    assertThat(ticket.path("type").asText()).isEqualTo("B");
    assertThat(ticket.path("channel").asText()).isEqualTo("CHATBOT");
    assertThat(ticket.path("status").asText()).isEqualTo("CLOSED");
    assertThat(get("/api/tickets/" + number + "/documents", "supervisor").getBody())
        .extracting(d -> d.path("fileName").asText())
        .anyMatch(name -> name.startsWith("chat-"));
  }

  @Test
  void twoUnhelpfulAnswersHandTheChatToAnOperator() {
    clock.pin(ChatIT.OPEN);
    String token = chat.startWithPrivacy(Map.of("language", "it"));
    chat.say(token, "pagamento tassa rifiuti");
    JsonNode first =
        chat.call(HttpMethod.POST, "/api/public/chat/feedback", token, Map.of("answered", false))
            .getBody();
    assertThat(first.path("status").asText()).isEqualTo("BOT");
    chat.say(token, "certificato di residenza");
    JsonNode second =
        chat.call(HttpMethod.POST, "/api/public/chat/feedback", token, Map.of("answered", false))
            .getBody();
    assertThat(second.path("status").asText()).isEqualTo("QUEUED");
    assertThat(second.path("position").asInt()).isPositive();
    long id = ChatCitizen.idOf(jdbc, token);
    JsonNode waiting = get("/api/chats", "operator1").getBody().path("waiting");
    JsonNode mine = null;
    for (JsonNode chat : waiting) {
      if (chat.path("id").asLong() == id) {
        mine = chat;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.path("handoffReason").asText()).isEqualTo("NOT_HELPED");
  }

  private JsonNode messages(String token) {
    return chat.call(HttpMethod.GET, "/api/public/chat/messages", token, null).getBody();
  }
}
