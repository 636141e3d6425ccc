package it.sportello.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A citizen in the public chat, calling the API as the widget does: the chat's token in {@code
 * X-Chat-Token} and, when the test has one, its own client address in {@code X-Forwarded-For} (see
 * {@link ClientAddresses}).
 */
final class ChatCitizen {

  /** The test's {@code IntegrationTest#call}. */
  @FunctionalInterface
  interface Api {
    ResponseEntity<JsonNode> call(
        HttpMethod method, String path, String user, Object body, Map<String, String> headers);
  }

  private final Api api;
  private final String address;

  /**
   * @param address the test's client address, or null for none
   */
  ChatCitizen(Api api, String address) {
    this.api = api;
    this.address = address;
  }

  /** Starts a chat with these fields (language, page); the test fails unless it is created. */
  String start(Map<String, ?> fields) {
    ResponseEntity<JsonNode> started =
        api.call(
            HttpMethod.POST,
            "/api/public/chat/conversations",
            null,
            fields,
            address == null ? Map.of() : Map.of("X-Forwarded-For", address));
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return started.getBody().path("token").asText();
  }

  /** Starts a chat and accepts the privacy notice; the test fails unless both succeed. */
  String startWithPrivacy(Map<String, ?> fields) {
    return startWithPrivacy(fields, Map.of("accepted", true));
  }

  /** Starts a chat and sends this acceptance of the notice; the test fails unless it is taken. */
  String startWithPrivacy(Map<String, ?> fields, Map<String, ?> acceptance) {
    String token = start(fields);
    assertThat(call(HttpMethod.POST, "/api/public/chat/privacy", token, acceptance).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    return token;
  }

  ResponseEntity<JsonNode> say(String token, String text) {
    return call(HttpMethod.POST, "/api/public/chat/messages", token, Map.of("text", text));
  }

  ResponseEntity<JsonNode> call(HttpMethod method, String path, String token, Object body) {
    Map<String, String> headers = new HashMap<>();
    headers.put("X-Chat-Token", token);
    if (address != null) {
      headers.put("X-Forwarded-For", address);
    }
    return api.call(method, path, null, body, headers);
  }

  /** The id of the chat with this token. */
  static long idOf(JdbcClient jdbc, String token) {
    return jdbc.sql("select id from sportello.chat_conversation where token_hash = ?")
        .param(Chats.hash(token))
        .query(Long.class)
        .single();
  }
}
