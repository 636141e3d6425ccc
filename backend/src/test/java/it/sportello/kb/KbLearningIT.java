package it.sportello.kb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.search.SearchIndex;
import it.sportello.search.SearchNodes;
import it.sportello.search.embedded.EmbeddedSearchNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Learning from the work, through the API: an operator answers a ticket with a suggested article,
 * the article learns the ticket's words without the requester's personal data, and the next search
 * with those words finds it; searches that led nowhere are the KB's gaps; articles read often and
 * rated unhelpful are its weak articles. The clock is pinned to March 2035, a month no other test
 * writes usage in.
 */
class KbLearningIT extends IntegrationTest {

  private static final Instant DAY = Instant.parse("2035-03-12T09:30:00Z");
  private static final String PERIOD = "from=2035-03-01&to=2035-03-31";

  @Autowired EmbeddedSearchNode node;
  @Autowired SearchIndex searchIndex;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void searchNodeIsUpAndTheIndexInStep() throws Exception {
    SearchNodes.upAndInStep(node, searchIndex);
  }

  @Test
  void aTicketSolvedWithAnArticleTeachesItTheTicketsWordsWithoutPersonalData() {
    long imu = article("demo-imu-acconto");
    String fiscalCode = fiscalCode();
    clock.pin(DAY);
    String words = "cassonetto condominiale ribaltato";
    // other articles may come up by a typo-tolerant second pass, never this one
    assertThat(ids(search(words)))
        .as("before: the IMU article has none of these words")
        .doesNotContain(imu);

    Map<String, Object> request = ticketRequest(fiscalCode, "Cassonetto condominiale ribaltato");
    request.put(
        "description",
        "Buongiorno, sono Giulia Ferraris ("
            + "giulia.ferraris@example.it, codice fiscale "
            + fiscalCode
            + ", tel. 333 765 4321). Il cassonetto condominiale ribaltato va segnalato a voi?"
            + " Rimborso su IBAN IT60X0542811101000000123456.");
    request.put(
        "requester",
        Map.of("fiscalCode", fiscalCode, "name", "Giulia Ferraris", "email", "g.f@example.it"));
    String number = post("/api/tickets", "operator1", request).getBody().path("number").asText();

    ResponseEntity<JsonNode> suggestions = get("/api/kb/suggestions?ticket=" + number, "operator1");
    assertThat(suggestions.getStatusCode()).isEqualTo(HttpStatus.OK);
    String query = suggestions.getBody().path("query").asText();
    assertThat(query).contains("Cassonetto condominiale ribaltato");
    assertThat(query).doesNotContainIgnoringCase("ferraris").doesNotContain(fiscalCode);
    long searchId = suggestions.getBody().path("searchId").asLong();
    assertThat(searchId).isPositive();

    ResponseEntity<JsonNode> used =
        post(
            "/api/kb/articles/" + imu + "/uses",
            "operator1",
            Map.of("ticket", number, "kind", "INSERTED", "searchId", searchId));
    assertThat(used.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode learned = get("/api/kb/articles/" + imu + "/learned", "kbeditor").getBody();
    assertThat(learned).hasSize(1);
    assertThat(learned.get(0).path("ticketNumber").asText()).isEqualTo(number);
    String text = learned.get(0).path("text").asText();
    assertThat(text)
        .contains("Cassonetto condominiale ribaltato")
        .contains("va segnalato a voi?")
        .doesNotContainIgnoringCase("giulia")
        .doesNotContainIgnoringCase("ferraris")
        .doesNotContain("@")
        .doesNotContainIgnoringCase(fiscalCode)
        .doesNotContain("765")
        .doesNotContain("IT60");

    searchIndex.processPending();
    assertThat(ids(search(words)))
        .as("the ticket's words now find the article that answered it")
        .contains(imu);

    assertThat(
            jdbc.queryForObject(
                "select followed from sportello.kb_search where id = ?", Boolean.class, searchId))
        .as("the suggestion was used: no gap")
        .isTrue();
    assertThat(get("/api/kb/articles/" + imu + "/learned", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void searchesNobodyFollowedAreGapsAndArticlesRatedUnhelpfulAreWeak() {
    long family = article("demo-certificato-stato-famiglia");
    long residence = article("demo-certificato-residenza");
    clock.pin(DAY);
    String gap = "passo carrabile notturno";
    get("/api/public/kb/search?q=" + gap, null);
    get("/api/public/kb/search?q=Passo  CARRABILE notturno", null);
    long followed =
        get("/api/public/kb/search?q=certificato residenza", null)
            .getBody()
            .path("searchId")
            .asLong();
    assertThat(
            get("/api/public/kb/articles/" + residence + "?search=" + followed, null)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    get("/api/kb/search?q=" + "questa ricerca interna non conta", "operator1");

    for (int i = 0; i < 3; i++) {
      get("/api/public/kb/articles/" + family, null);
    }
    post("/api/public/kb/articles/" + family + "/feedback", null, Map.of("helpful", false));
    post("/api/public/kb/articles/" + family + "/feedback", null, Map.of("helpful", false));
    post("/api/public/kb/articles/" + family + "/feedback", null, Map.of("helpful", true));
    post("/api/public/kb/articles/" + residence + "/feedback", null, Map.of("helpful", true));
    clock.release();

    ResponseEntity<JsonNode> gaps = get("/api/reports/kb-gaps?" + PERIOD, "kbeditor");
    assertThat(gaps.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> queries = new ArrayList<>();
    gaps.getBody().path("gaps").forEach(row -> queries.add(row.path("query").asText()));
    assertThat(queries)
        .contains(gap)
        .doesNotContain("certificato residenza")
        .as("an operator's search outside a ticket is no gap")
        .doesNotContain("questa ricerca interna non conta");
    JsonNode row = gaps.getBody().path("gaps").get(queries.indexOf(gap));
    assertThat(row.path("searches").asLong()).isEqualTo(2);
    assertThat(row.path("publicSearches").asLong()).isEqualTo(2);

    ResponseEntity<JsonNode> weak =
        get("/api/reports/kb-weak-articles?" + PERIOD + "&minViews=3", "supervisor");
    assertThat(weak.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode articles = weak.getBody().path("articles");
    assertThat(articles).hasSize(1);
    assertThat(articles.get(0).path("id").asLong()).isEqualTo(family);
    assertThat(articles.get(0).path("views").asLong()).isEqualTo(3);
    assertThat(articles.get(0).path("notHelpful").asLong()).isEqualTo(2);
    assertThat(articles.get(0).path("unhelpfulPercent").asDouble()).isEqualTo(66.7);

    assertThat(get("/api/reports/kb-gaps?" + PERIOD, "operator1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> bad =
        get("/api/reports/kb-weak-articles?" + PERIOD + "&minViews=0", "manager1");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().path("errors").get(0).path("field").asText()).isEqualTo("minViews");
  }

  @Test
  void aUseWithoutKindOrTicketIsRefusedNamingTheFields() {
    long imu = article("demo-imu-acconto");
    ResponseEntity<JsonNode> bad =
        post("/api/kb/articles/" + imu + "/uses", "operator1", Map.of("ticket", " "));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    List<String> fields = new ArrayList<>();
    bad.getBody().path("errors").forEach(error -> fields.add(error.path("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("ticket", "kind");
    assertThat(
            post(
                    "/api/kb/articles/" + imu + "/uses",
                    "operator1",
                    Map.of("ticket", "T-NOPE-1", "kind", "LINKED"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private JsonNode search(String words) {
    return get("/api/kb/search?q=" + words, "operator1").getBody();
  }

  private long article(String externalKey) {
    return jdbc.queryForObject(
        "select id from sportello.kb_article where external_key = ?", Long.class, externalKey);
  }

  private static List<Long> ids(JsonNode found) {
    List<Long> ids = new ArrayList<>();
    found.path("hits").forEach(hit -> ids.add(hit.path("sourceId").asLong()));
    return ids;
  }
}
