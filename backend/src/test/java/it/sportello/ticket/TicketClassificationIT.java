package it.sportello.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The intake's topic and reason are the classification tree's codes (what the picker offers); the
 * topics the classification decision routes by name stay accepted for channels and API clients.
 */
class TicketClassificationIT extends IntegrationTest {

  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void tree() {
    jdbc.update(
        "insert into sportello.kb_category (parent_id, code, name, depth, position)"
            + " values (null, 'ui19-tributi', 'Tributi (test)', 1, 901) on conflict (code) do nothing");
    jdbc.update(
        "insert into sportello.kb_category (parent_id, code, name, depth, position)"
            + " select id, 'ui19-tari', 'TARI (test)', 2, 902 from sportello.kb_category"
            + " where code = 'ui19-tributi' on conflict (code) do nothing");
    jdbc.update(
        "insert into sportello.kb_category (parent_id, code, name, depth, position)"
            + " values (null, 'ui19-anagrafe', 'Anagrafe (test)', 1, 903) on conflict (code) do nothing");
    jdbc.update(
        "insert into sportello.kb_category (parent_id, code, name, depth, position)"
            + " select id, 'ui19-cie', 'CIE (test)', 2, 904 from sportello.kb_category"
            + " where code = 'ui19-anagrafe' on conflict (code) do nothing");
  }

  private ResponseEntity<JsonNode> open(String topic, String reason) {
    Map<String, Object> request = ticketRequest(fiscalCode(), "Classificazione dall'albero");
    request.put(
        "category",
        reason == null ? Map.of("topic", topic) : Map.of("topic", topic, "reason", reason));
    return post("/api/tickets", "operator1", request);
  }

  @Test
  void theTreesTopicAndOneOfItsReasonsAreAcceptedAndKept() {
    ResponseEntity<JsonNode> response = open("ui19-tributi", "ui19-tari");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(response.getBody().at("/category/topic").asText()).isEqualTo("ui19-tributi");
    assertThat(response.getBody().at("/category/reason").asText()).isEqualTo("ui19-tari");
  }

  @Test
  void aReasonOfAnotherTopicIsRefusedNamingTheField() {
    long before = count();
    ResponseEntity<JsonNode> response = open("ui19-tributi", "ui19-cie");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("errors").findValuesAsText("field"))
        .containsExactly("category.reason");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void aTypedTopicOutsideTheTreeIsRefusedAndAReasonIsNoTopic() {
    assertThat(open("tasse varie", null).getBody().get("errors").findValuesAsText("field"))
        .containsExactly("category.topic");
    assertThat(open("ui19-tari", null).getBody().get("errors").findValuesAsText("field"))
        .containsExactly("category.topic");
  }

  @Test
  void theDecisionsRoutingTopicsStayAcceptedForChannelsAndApiClients() {
    ResponseEntity<JsonNode> response = open("payments", "rimborso");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(response.getBody().get("queue").asText()).isEqualTo("payments");
  }

  private long count() {
    return jdbc.queryForObject(
        "select count(*) from sportello.ticket where subject = 'Classificazione dall''albero'",
        Long.class);
  }
}
