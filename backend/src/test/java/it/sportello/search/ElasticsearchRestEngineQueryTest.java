package it.sportello.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The search requests the adapter sends, as JSON (no node needed: nothing is sent). */
class ElasticsearchRestEngineQueryTest {

  private final ElasticsearchRestEngine engine =
      new ElasticsearchRestEngine(
          "http://127.0.0.1:1",
          null,
          null,
          "sportello-kb",
          List.of(),
          1000,
          new ObjectMapper(),
          Clock.systemUTC(),
          () -> {});

  private static final SearchQuery QUESTION =
      new SearchQuery(
          "Come rinnovo la carta d'identità scaduta?",
          "it",
          Set.of("PUBLIC"),
          Set.of(),
          "ANAGRAFE",
          10);

  @AfterEach
  void close() throws Exception {
    engine.close();
  }

  @Test
  void theItalianFirstPassAsksForTheRerankersCandidatesWithoutSnippets() {
    JsonNode body = engine.request(QUESTION, false, PassageReranker.WINDOW, List.of());

    assertThat(body.path("size").asInt()).isEqualTo(50);
    assertThat(body.has("highlight")).as("no snippets for 50 candidates").isFalse();
    assertThat(body.path("version").asBoolean()).as("the cache's key").isTrue();
    assertThat(texts(body.path("_source")))
        .as("the long fields come from the second stage's cache")
        .contains("title", "summary", "sourceId")
        .doesNotContain("body", "learned_text");
    assertThat(body.path("aggs").path("topics").path("terms").path("field").asText())
        .isEqualTo("topic");
    JsonNode bool = body.path("query").path("bool");
    assertThat(bool.path("minimum_should_match").asInt()).isEqualTo(1);
    List<String> clauses = new ArrayList<>();
    bool.path("should").forEach(c -> clauses.add(c.path("multi_match").path("type").asText()));
    assertThat(clauses).containsExactly("cross_fields", "cross_fields");
    JsonNode words = bool.path("should").get(0).path("multi_match");
    assertThat(words.path("query").asText()).isEqualTo("Come rinnovo la carta d'identità scaduta?");
    assertThat(words.path("operator").asText()).isEqualTo("or");
    assertThat(words.has("minimum_should_match")).as("every word optional").isFalse();
    assertThat(texts(words.path("fields"))).contains("title^4.0", "body^1.0", "learned_text^2.0");
    assertThat(texts(bool.path("should").get(1).path("multi_match").path("fields")))
        .contains("body.exact^1.0");
    assertThat(body.path("suggest").path("unknown").path("term").path("field").asText())
        .isEqualTo("body");
    assertThat(bool.path("filter").toString())
        .contains("{\"term\":{\"topic\":\"ANAGRAFE\"}}")
        .contains("\"PUBLIC\"")
        .doesNotContain("\"ids\"");
  }

  @Test
  void theSnippetsAreAskedForTheRerankedResultsOnly() {
    JsonNode body = engine.request(QUESTION, true, 2, List.of("17-it", "4-it"));

    assertThat(body.path("size").asInt()).isEqualTo(2);
    assertThat(body.path("track_total_hits").asBoolean()).isFalse();
    assertThat(
            texts(body.path("query").path("bool").path("filter").get(0).path("ids").path("values")))
        .containsExactly("17-it", "4-it");
    assertThat(body.path("highlight").path("fields").has("body")).isTrue();
    assertThat(body.path("highlight").path("pre_tags").get(0).asText()).isEqualTo("<mark>");
    assertThat(body.has("aggs")).isFalse();
    assertThat(body.has("suggest")).isFalse();
    assertThat(body.path("query").path("bool").path("should").toString())
        .as("the same words highlighted as matched, typos included")
        .contains("\"fuzziness\":\"AUTO\"");
  }

  @Test
  void englishIsOneRequestWithSnippets() {
    SearchQuery english =
        new SearchQuery("waste tax payment", "en", Set.of("PUBLIC"), Set.of(), null, 5);
    JsonNode body = engine.request(english, false, english.size(), null);

    assertThat(body.path("size").asInt()).isEqualTo(5);
    assertThat(body.has("highlight")).isTrue();
    assertThat(body.has("aggs")).isTrue();
    assertThat(
            texts(
                body.path("query")
                    .path("bool")
                    .path("should")
                    .get(0)
                    .path("multi_match")
                    .path("fields")))
        .contains("title.en^4.0", "body.en^1.0");
  }

  @Test
  void frenchAndGermanSearchTheirSubFieldsWithTheirAnalyzersAndNoItalianExactFields() {
    for (String language : List.of("fr", "de")) {
      SearchQuery query =
          new SearchQuery("paiements TARI", language, Set.of("PUBLIC"), Set.of(), null, 5);
      JsonNode body = engine.request(query, true, PassageReranker.WINDOW, List.of());

      JsonNode should = body.path("query").path("bool").path("should");
      assertThat(texts(should.get(0).path("multi_match").path("fields")))
          .contains("title." + language + "^4.0", "body." + language + "^1.0")
          .noneMatch(field -> field.startsWith("title^") || field.contains(".exact"));
      assertThat(should.toString()).as(language).doesNotContain(".exact");
      assertThat(should.get(1).path("multi_match").path("analyzer").asText())
          .isEqualTo("sportello_" + language);
      assertThat(body.toString()).contains("{\"term\":{\"language\":\"" + language + "\"}}");
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(node -> out.add(node.asText()));
    return out;
  }
}
