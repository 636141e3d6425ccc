package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The chat in a real browser (e2e/chat.mjs, e2e/chat-bot.mjs): the widget on a plain page of
 * another origin, operator1 in the console; the ticket the chat became is on channel CHAT with the
 * transcript attached; one the bot answered alone is a closed ticket of type B on channel CHATBOT.
 */
class ChatWebIT extends BrowserIT {

  @Test
  void aCitizenChatsFromAPlainPageAndOperator1AnswersAndClosesWithASolution() throws Exception {
    // a Monday morning in Rome: operators answer
    clock.pin(Instant.parse("2026-12-07T09:00:00Z"));
    String name = "Chat " + UUID.randomUUID().toString().substring(0, 8);
    String output = browse("chat.mjs", "it", Map.of("CHAT_NAME", name), Duration.ofMinutes(4));
    Matcher ticket = Pattern.compile("TICKET (\\S+)").matcher(output);
    assertThat(ticket.find()).as(output).isTrue();
    JsonNode created = get("/api/tickets/" + ticket.group(1), "supervisor").getBody();
    assertThat(created.path("channel").asText()).isEqualTo("CHAT");
    assertThat(get("/api/tickets/" + ticket.group(1) + "/documents", "supervisor").getBody())
        .extracting(document -> document.path("fileName").asText())
        .anyMatch(file -> file.startsWith("chat-"));
  }

  @Test
  void aCitizenAnsweredByTheBotAloneLeavesAClosedTicketOfTypeBOnChannelChatbot() throws Exception {
    awaitSearchInStep();
    clock.pin(Instant.parse("2026-12-07T09:00:00Z"));
    String name = "Bot " + UUID.randomUUID().toString().substring(0, 8);
    String output =
        browse(
            "chat-bot.mjs",
            "it",
            Map.of(
                "CHAT_NAME",
                name,
                "CHAT_QUESTION",
                "pagamento tassa rifiuti",
                "CHAT_ARTICLE",
                "Come pagare la TARI"),
            Duration.ofMinutes(4));
    Matcher ticket = Pattern.compile("TICKET (\\S+)").matcher(output);
    assertThat(ticket.find()).as(output).isTrue();
    JsonNode created = get("/api/tickets/" + ticket.group(1), "supervisor").getBody();
    assertThat(created.path("type").asText()).isEqualTo("B");
    assertThat(created.path("channel").asText()).isEqualTo("CHATBOT");
    assertThat(created.path("status").asText()).isEqualTo("CLOSED");
    assertThat(get("/api/tickets/" + ticket.group(1) + "/documents", "supervisor").getBody())
        .extracting(document -> document.path("fileName").asText())
        .anyMatch(file -> file.startsWith("chat-"));
  }
}
