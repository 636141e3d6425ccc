package it.sportello.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The inbox's requester filter by a part of the name finds the open tasks of every requester with
 * that name, also when more contacts share it than a first look-up of contacts used to keep (50).
 */
class InboxRequesterFilterIT extends IntegrationTest {

  private static final int REQUESTERS = 53;

  @Test
  void aNamePartSharedByManyContactsStillFindsEachOfTheirTasks() {
    // a surname of this test only, shared by more contacts than the old cap
    String surname = "Zanardelli" + fiscalCode().substring(0, 6).toLowerCase(Locale.ROOT);
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < REQUESTERS; i++) {
      String fiscalCode = fiscalCode();
      Map<String, Object> request = ticketRequest(fiscalCode, "Richiesta numero " + i);
      request.put(
          "requester",
          Map.of(
              "fiscalCode",
              fiscalCode,
              "name",
              "Anna " + surname,
              "email",
              "anna." + i + "@example.it"));
      ResponseEntity<JsonNode> created = post("/api/tickets", "api-client", request);
      assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
      numbers.add(created.getBody().get("number").asText());
    }

    // part of the surname, in another case
    String part = surname.substring(2).toUpperCase(Locale.ROOT);
    JsonNode page = get("/api/inbox?size=200&requester=" + part, "operator1").getBody();
    assertThat(page.get("totalElements").asLong()).isEqualTo(REQUESTERS);
    assertThat(page.get("items").findValuesAsText("number"))
        .containsExactlyInAnyOrderElementsOf(numbers);
    // the last requester created (the 53rd contact with the name) is there too
    assertThat(page.get("items").findValuesAsText("number")).contains(numbers.get(REQUESTERS - 1));
    // and a page of the filtered inbox counts them all
    JsonNode first = get("/api/inbox?size=10&requester=" + part, "operator1").getBody();
    assertThat(first.get("totalElements").asLong()).isEqualTo(REQUESTERS);
    assertThat(first.get("items").size()).isEqualTo(10);
  }
}
