package it.sportello.chat.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.chat.ChatDesk;
import it.sportello.chat.ChatHub;
import it.sportello.chat.Chats;
import it.sportello.chat.GuidedPaths;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The chat's two sockets: the citizen's from any page that embeds the widget (any origin: the
 * conversation token, not a cookie, is what authorizes), the operator's from our own origin only
 * (its handshake rides on the staff's session, so a foreign page must not open it).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class ChatWebSocketConfiguration implements WebSocketConfigurer {

  static final String CITIZEN_SOCKET = "/api/public/chat/socket";
  static final String OPERATOR_SOCKET = "/api/chats/socket";

  private final Chats chats;
  private final GuidedPaths guided;
  private final ChatHub hub;
  private final ObjectMapper json;
  private final ChatDesk desk;

  ChatWebSocketConfiguration(
      Chats chats, ChatDesk desk, GuidedPaths guided, ChatHub hub, ObjectMapper json) {
    this.desk = desk;
    this.chats = chats;
    this.guided = guided;
    this.hub = hub;
    this.json = json;
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    registry
        .addHandler(
            new ChatSocketHandler(ChatSocketHandler.Side.CITIZEN, chats, desk, guided, hub, json),
            CITIZEN_SOCKET)
        .setAllowedOriginPatterns("*");
    registry.addHandler(
        new ChatSocketHandler(ChatSocketHandler.Side.OPERATOR, chats, desk, guided, hub, json),
        OPERATOR_SOCKET);
  }
}
