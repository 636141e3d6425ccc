package it.sportello.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.search.embedded.EmbeddedSearchNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The second stage on the real node: two articles with the same words, as many times, in bodies of
 * the same length tie in the first pass (BM25 sees a bag of words); the one holding the question's
 * words in one sentence comes first, though indexed second (ties go to the first indexed).
 */
class PassageRankingIT extends IntegrationTest {

  private static final String TOPIC = "IT-PASSAGE-RANKING";
  private static final long SCATTERED = 980_001L;
  private static final long TOGETHER = 980_002L;

  @Autowired EmbeddedSearchNode node;
  @Autowired SearchIndex searchIndex;
  @Autowired SearchEngine engine;
  @Autowired ElasticsearchRestEngine restEngine;
  @Autowired SearchProperties properties;

  private RestClient client;

  @BeforeEach
  void nodeUp() throws Exception {
    client = SearchNodes.upWithCurrentIndex(node, searchIndex, engine);
  }

  @AfterEach
  void removeTheArticles() throws IOException {
    engine.replace(List.of(SCATTERED, TOGETHER), List.of());
    client.close();
  }

  @Test
  void theQuestionsWordsInOneSentenceOutrankTheSameWordsScattered() throws IOException {
    List<String> filler =
        List.of(
            "portici",
            "archivi",
            "biblioteche",
            "piazze",
            "torri",
            "chiese",
            "musei",
            "canali",
            "mercati",
            "teatri",
            "giardini",
            "palazzi",
            "collegi",
            "studenti",
            "professori",
            "lezioni",
            "codici",
            "giuristi",
            "medici",
            "notai",
            "statuti",
            "scuole",
            "cattedre",
            "dottori",
            "glossatori",
            "manoscritti",
            "cronache",
            "famiglie",
            "botteghe",
            "strade");
    String scattered =
        "L'università "
            + String.join(" ", filler.subList(0, 15))
            + " Bologna "
            + String.join(" ", filler.subList(15, 30))
            + " fondata";
    String together = "L'università Bologna fondata " + String.join(" ", filler);
    // the scattered one first: the first indexed wins a tie
    engine.replace(List.of(SCATTERED), List.of(article(SCATTERED, "Scheda storica", scattered)));
    engine.replace(List.of(TOGETHER), List.of(article(TOGETHER, "Scheda storica", together)));
    SearchQuery question =
        new SearchQuery(
            "Quando fu fondata l'università di Bologna?",
            "it",
            Set.of("PUBLIC"),
            Set.of(),
            TOPIC,
            10);

    JsonNode firstPass = search(restEngine.request(question, false, 50, List.of()));
    List<Double> bm25 = new ArrayList<>();
    firstPass.path("hits").path("hits").forEach(hit -> bm25.add(hit.path("_score").asDouble()));
    assertThat(bm25).as("the first pass ties: same words, same lengths").hasSize(2);
    assertThat(bm25.get(0)).isEqualTo(bm25.get(1));
    assertThat(firstPass.path("hits").path("hits").get(0).path("_source").path("sourceId").asLong())
        .isEqualTo(SCATTERED);

    SearchResult result = engine.search(question);

    assertThat(result.hits()).extracting(SearchHit::sourceId).containsExactly(TOGETHER, SCATTERED);
    assertThat(result.hits().get(0).score()).isGreaterThan(result.hits().get(1).score());
    assertThat(result.hits().get(0).snippet())
        .as("snippets still come from the node's highlighter")
        .contains("<mark>Bologna</mark>");
    assertThat(result.total()).isEqualTo(2);
  }

  private static IndexedDocument article(long id, String title, String body) {
    return new IndexedDocument(
        id,
        "it",
        title,
        "",
        body,
        List.of(),
        "PUBLIC",
        List.of(),
        null,
        TOPIC,
        Instant.parse("2026-12-01T09:00:00Z"),
        "");
  }

  private JsonNode search(JsonNode body) throws IOException {
    Request request = new Request("POST", "/" + properties.index() + "/_search");
    request.setJsonEntity(json.writeValueAsString(body));
    try (InputStream content = client.performRequest(request).getEntity().getContent()) {
      return json.readTree(content);
    }
  }
}
