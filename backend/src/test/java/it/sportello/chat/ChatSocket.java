package it.sportello.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/** A test's WebSocket client of the chat (Spring's StandardWebSocketClient), frames queued. */
final class ChatSocket implements AutoCloseable {

  private static final long WAIT_SECONDS = 30;

  private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
  private final ObjectMapper json;
  private final WebSocketSession session;

  ChatSocket(int port, String path, String user, ObjectMapper json) throws Exception {
    this.json = json;
    WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    TextWebSocketHandler handler =
        new TextWebSocketHandler() {
          @Override
          protected void handleTextMessage(WebSocketSession session, TextMessage message)
              throws Exception {
            frames.add(json.readTree(message.getPayload()));
          }
        };
    session =
        new StandardWebSocketClient()
            .execute(handler, headers, URI.create("ws://localhost:" + port + path))
            .get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  void send(Map<String, ?> frame) throws Exception {
    session.sendMessage(new TextMessage(json.writeValueAsString(frame)));
  }

  /** The next frame that matches, skipping the others; fails after a while without one. */
  JsonNode next(Predicate<JsonNode> matching) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (System.nanoTime() < deadline) {
      JsonNode frame = frames.poll(1, TimeUnit.SECONDS);
      if (frame != null && matching.test(frame)) {
        return frame;
      }
    }
    throw new AssertionError("no matching frame within " + WAIT_SECONDS + " s");
  }

  JsonNode nextMessage() throws InterruptedException {
    return next(frame -> "message".equals(frame.path("type").asText()));
  }

  /** The next {@code count} messages, checked to be numbered without gaps. */
  List<JsonNode> messages(int count) throws InterruptedException {
    List<JsonNode> messages = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      JsonNode message = nextMessage();
      if (!messages.isEmpty()) {
        assertThat(message.path("seq").asLong())
            .as("numbered in order without gaps")
            .isEqualTo(messages.get(messages.size() - 1).path("seq").asLong() + 1);
      }
      messages.add(message);
    }
    return messages;
  }

  JsonNode nextState(Predicate<JsonNode> matching) throws InterruptedException {
    return next(frame -> "state".equals(frame.path("type").asText()) && matching.test(frame));
  }

  @Override
  public void close() throws Exception {
    session.close(CloseStatus.NORMAL);
  }
}
