package it.sportello.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's inbox: rows carry the ticket, filters narrow them in the engine's query. */
class InboxIT extends IntegrationTest {

  @Test
  void rowsCarryTheTicketAndFiltersNarrowThem() {
    Map<String, Object> request = ticketRequest(fiscalCode(), "Rimborso bollo auto");
    request.put("category", Map.of("topic", "payments"));
    request.put("channel", "EMAIL");
    request.put("language", "en");
    String number = post("/api/tickets", "api-client", request).getBody().get("number").asText();

    JsonNode row = only(get("/api/inbox?number=" + number.substring(3).toLowerCase(), "operator1"));
    assertThat(row.get("subject").asText()).isEqualTo("Rimborso bollo auto");
    assertThat(row.get("requesterName").asText()).isEqualTo("Maria Bianchi");
    assertThat(row.get("queue").asText()).isEqualTo("payments");
    assertThat(row.get("slaState").asText()).isEqualTo("ON_TRACK");

    assertThat(numbers("/api/inbox?size=200&queue=payments&channel=EMAIL&language=en&type=Q"))
        .contains(number);
    assertThat(numbers("/api/inbox?size=200&queue=general")).doesNotContain(number);
    assertThat(numbers("/api/inbox?size=200&channel=PHONE")).doesNotContain(number);
    assertThat(numbers("/api/inbox?size=200&language=it")).doesNotContain(number);
  }

  private java.util.List<String> numbers(String path) {
    return get(path, "operator1").getBody().get("items").findValuesAsText("number");
  }

  private static JsonNode only(org.springframework.http.ResponseEntity<JsonNode> response) {
    assertThat(response.getBody().get("items")).hasSize(1);
    return response.getBody().get("items").get(0);
  }
}
