package it.sportello.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The public chat, survey and campaign endpoints are rate-limited per client address (sportello.web
 * .rate-limits): beyond the allowance 429 with problem details and Retry-After, other addresses
 * unaffected.
 */
class ChatRateLimitIT extends IntegrationTest {

  @Test
  void startingChatsBeyondTheAllowanceIsAnsweredTooManyRequests() {
    clock.pin(ChatIT.OPEN);
    String address = ClientAddresses.next();
    for (int i = 0; i < 20; i++) {
      assertThat(start(address).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }
    ResponseEntity<JsonNode> refused = start(address);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(refused.getBody().path("status").asInt()).isEqualTo(429);
    assertThat(Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
    assertThat(start(ClientAddresses.next()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/public/surveys/", "/api/public/campaigns/"})
  void answeringQuestionnairesBeyondTheAllowanceIsAnsweredTooManyRequests(String base) {
    clock.pin(ChatIT.OPEN);
    String address = ClientAddresses.next();
    String path = base + "x".repeat(43) + "/answers";
    for (int i = 0; i < 30; i++) {
      assertThat(answer(path, address).getStatusCode()).isNotEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }
    ResponseEntity<JsonNode> refused = answer(path, address);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(refused.getBody().path("title").asText()).isEqualTo("Too many requests");
    assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
    assertThat(answer(path, ClientAddresses.next()).getStatusCode())
        .isNotEqualTo(HttpStatus.TOO_MANY_REQUESTS);
  }

  private ResponseEntity<JsonNode> start(String address) {
    return call(
        HttpMethod.POST,
        "/api/public/chat/conversations",
        null,
        Map.of("language", "it"),
        Map.of("X-Forwarded-For", address));
  }

  private ResponseEntity<JsonNode> answer(String path, String address) {
    return call(
        HttpMethod.POST,
        path,
        null,
        Map.of("answers", Map.of()),
        Map.of("X-Forwarded-For", address));
  }
}
