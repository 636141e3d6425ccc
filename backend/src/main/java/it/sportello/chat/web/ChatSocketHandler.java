package it.sportello.chat.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.sportello.chat.ChatDesk;
import it.sportello.chat.ChatHub;
import it.sportello.chat.ChatMessage;
import it.sportello.chat.Chats;
import it.sportello.chat.Conversation;
import it.sportello.chat.GuidedPaths;
import java.io.IOException;
import java.security.Principal;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The chat over a WebSocket, for the citizen's widget ({@code /api/public/chat/socket}) and the
 * operator's console ({@code /api/chats/socket}). Plain JSON frames:
 *
 * <ul>
 *   <li>client → server: {@code {"type":"hello","token":…,"after":N}} (citizen) or {@code
 *       {"type":"hello","conversation":id,"after":N}} (operator), then {@code {"type":"say",
 *       "text":…}};
 *   <li>server → client: {@code {"type":"message",…}} for every message after N, in order, then as
 *       they come; {@code {"type":"state",…}} when the chat's state changes; {@code
 *       {"type":"error","detail":…}}.
 * </ul>
 *
 * The token travels in the first frame, never in the URL (logs). Messages are read from the
 * database after the last one sent, so a client reconnecting with the last number it saw misses
 * nothing, whichever node it reaches.
 */
class ChatSocketHandler extends TextWebSocketHandler {

  enum Side {
    CITIZEN,
    OPERATOR
  }

  private static final String CLIENT = "chat.client";
  private static final int SEND_TIME_LIMIT_MS = 10_000;
  private static final int BUFFER_LIMIT = 512 * 1024;

  private final Side side;
  private final Chats chats;
  private final ChatDesk desk;
  private final GuidedPaths guided;
  private final ChatHub hub;
  private final ObjectMapper json;

  ChatSocketHandler(
      Side side, Chats chats, ChatDesk desk, GuidedPaths guided, ChatHub hub, ObjectMapper json) {
    this.guided = guided;
    this.side = side;
    this.chats = chats;
    this.desk = desk;
    this.hub = hub;
    this.json = json;
  }

  @Override
  protected void handleTextMessage(WebSocketSession session, TextMessage frame) throws IOException {
    Client client = (Client) session.getAttributes().get(CLIENT);
    try {
      JsonNode message = json.readTree(frame.getPayload());
      String type = message.path("type").asText();
      if ("hello".equals(type) && client == null) {
        hello(session, message);
      } else if ("say".equals(type) && client != null) {
        String text = message.path("text").asText(null);
        if (side == Side.CITIZEN) {
          guided.citizenSays(client.conversationId, text);
        } else {
          chats.operatorSays(client.conversationId, client.operator, text);
        }
      } else {
        error(session, "expected " + (client == null ? "hello" : "say"));
      }
    } catch (RuntimeException e) {
      error(session, e.getMessage());
    }
  }

  private void hello(WebSocketSession session, JsonNode message) throws IOException {
    long after = Math.max(0, message.path("after").asLong(0));
    Conversation conversation;
    String operator = null;
    Function<ChatMessage, ChatViews.MessageView> view;
    if (side == Side.CITIZEN) {
      conversation = chats.byToken(message.path("token").asText(null));
      view = ChatViews.MessageView::forCitizen;
    } else {
      Principal principal = session.getPrincipal();
      if (principal == null) {
        session.close(CloseStatus.POLICY_VIOLATION);
        return;
      }
      operator = principal.getName();
      conversation = chats.get(message.path("conversation").asLong());
      view = ChatViews.MessageView::forStaff;
    }
    Client client =
        new Client(
            new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT),
            conversation.id(),
            operator,
            after,
            view);
    session.getAttributes().put(CLIENT, client);
    client.unsubscribe = hub.subscribe(conversation.id(), client);
    client.changed();
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
    Client client = (Client) session.getAttributes().remove(CLIENT);
    if (client != null && client.unsubscribe != null) {
      client.unsubscribe.run();
    }
  }

  private void error(WebSocketSession session, String detail) throws IOException {
    ObjectNode node = json.createObjectNode().put("type", "error").put("detail", detail);
    synchronized (session) {
      session.sendMessage(new TextMessage(json.writeValueAsString(node)));
    }
  }

  /** One connected client: sends what it has not yet sent, in order. */
  private final class Client implements ChatHub.Subscriber {

    private final WebSocketSession session;
    private final long conversationId;
    private final String operator;
    private final Function<ChatMessage, ChatViews.MessageView> view;
    private long lastSent;
    private String lastState;
    private Runnable unsubscribe;

    Client(
        WebSocketSession session,
        long conversationId,
        String operator,
        long after,
        Function<ChatMessage, ChatViews.MessageView> view) {
      this.session = session;
      this.conversationId = conversationId;
      this.operator = operator;
      this.lastSent = after;
      this.view = view;
    }

    @Override
    public synchronized void changed() {
      if (!session.isOpen()) {
        return;
      }
      try {
        for (ChatMessage message : chats.messagesAfter(conversationId, lastSent)) {
          ObjectNode node = json.valueToTree(view.apply(message));
          node.put("type", "message");
          session.sendMessage(new TextMessage(json.writeValueAsString(node)));
          lastSent = message.seq();
        }
        ObjectNode state =
            json.valueToTree(
                ChatViews.ChatState.of(chats.get(conversationId), chats, desk, guided));
        state.put("type", "state");
        String text = json.writeValueAsString(state);
        if (!Objects.equals(text, lastState)) {
          session.sendMessage(new TextMessage(text));
          lastState = text;
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
