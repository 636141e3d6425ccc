package it.sportello.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.search.embedded.EmbeddedSearchNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The index's Italian analysis, asked of the real node ({@code _analyze}): stop words removed
 * whether typed with their accents or without, elided articles off, singular and plural on one
 * stem; and an index of another mapping version is recognised as one to rebuild.
 */
class ItalianAnalysisIT extends IntegrationTest {

  @Autowired EmbeddedSearchNode node;
  @Autowired SearchIndex searchIndex;
  @Autowired SearchEngine engine;
  @Autowired SearchProperties properties;

  private RestClient client;

  @BeforeEach
  void nodeUpAndIndexCurrent() throws Exception {
    client = SearchNodes.upWithCurrentIndex(node, searchIndex, engine);
  }

  @AfterEach
  void closeClient() throws IOException {
    client.close();
  }

  @Test
  void stopWordsGoWithOrWithoutTheirAccents() throws IOException {
    assertThat(tokens("sportello_it", "perché più sarà è")).isEmpty();
    assertThat(tokens("sportello_it", "perche piu sara")).isEmpty();
    assertThat(tokens("sportello_it_search", "Perché non arriva più la bolletta?"))
        .containsExactly(stem("arriva"), stem("bolletta"));
  }

  @Test
  void elidedArticlesAreDroppedWithEitherApostrophe() throws IOException {
    List<String> anagrafe = tokens("sportello_it", "anagrafe");
    assertThat(anagrafe).hasSize(1);
    assertThat(tokens("sportello_it", "dell'anagrafe")).isEqualTo(anagrafe);
    assertThat(tokens("sportello_it", "dell’anagrafe")).isEqualTo(anagrafe);
    assertThat(tokens("sportello_it", "l'identità")).isEqualTo(tokens("sportello_it", "identità"));
  }

  @Test
  void singularAndPluralAndAccentsMeet() throws IOException {
    assertThat(stem("certificati")).isEqualTo(stem("certificato"));
    assertThat(stem("residenze")).isEqualTo(stem("residenza"));
    assertThat(stem("città")).isEqualTo(stem("citta"));
    assertThat(stem("pagamenti")).isEqualTo(stem("pagamento"));
    assertThat(stem("certificati")).isNotEqualTo(stem("certificazione"));
  }

  @Test
  void theJvmsAnalysisForTheSecondStageAgreesWithTheNodes() throws IOException {
    String text =
        "Perché l'anagrafe non rilascia più i certificati storici? Dell’identità elettronica "
            + "e della città si occuperà l'ufficio: PERCHE piu rapidamente, sarà così.";
    String request = json.writeValueAsString(Map.of("analyzer", "sportello_it", "text", text));
    JsonNode response =
        json.readTree(body(perform("POST", "/" + properties.index() + "/_analyze", request)));
    List<ItalianTerms.Term> node = new ArrayList<>();
    response
        .path("tokens")
        .forEach(
            token ->
                node.add(
                    new ItalianTerms.Term(
                        token.path("token").asText(), token.path("position").asInt())));

    assertThat(node).hasSizeGreaterThan(8);
    assertThat(ItalianTerms.of(text)).isEqualTo(node);
  }

  @Test
  void anIndexOfAnotherMappingVersionIsRebuilt() throws IOException {
    String alias = properties.index();
    String old = alias + "-old-mapping";
    perform("PUT", "/" + old, "{\"mappings\":{\"properties\":{\"sourceId\":{\"type\":\"long\"}}}}");
    List<String> current = new ArrayList<>();
    json.readTree(body(perform("GET", "/_alias/" + alias, null)))
        .fieldNames()
        .forEachRemaining(current::add);
    StringBuilder actions = new StringBuilder("{\"actions\":[");
    actions.append("{\"add\":{\"index\":\"").append(old).append("\",\"alias\":\"").append(alias);
    actions.append("\"}}");
    for (String index : current) {
      actions.append(",{\"remove\":{\"index\":\"").append(index).append("\",\"alias\":\"");
      actions.append(alias).append("\"}}");
    }
    perform("POST", "/_aliases", actions.append("]}").toString());

    assertThat(engine.isCurrent()).as("an index without this version's mapping").isFalse();
    searchIndex.reindex();
    assertThat(engine.isCurrent()).isTrue();
    assertThat(searchIndex.check().indexed()).isEqualTo(searchIndex.check().expected());
    for (String index : current) {
      perform("DELETE", "/" + index + "?ignore_unavailable=true", null);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private String stem(String word) throws IOException {
    List<String> tokens = tokens("sportello_it", word);
    assertThat(tokens).as(word).hasSize(1);
    return tokens.get(0);
  }

  private List<String> tokens(String analyzer, String text) throws IOException {
    String request = json.writeValueAsString(Map.of("analyzer", analyzer, "text", text));
    JsonNode response =
        json.readTree(body(perform("POST", "/" + properties.index() + "/_analyze", request)));
    List<String> tokens = new ArrayList<>();
    response.path("tokens").forEach(token -> tokens.add(token.path("token").asText()));
    return tokens;
  }

  private org.elasticsearch.client.Response perform(String method, String path, String body)
      throws IOException {
    Request request = new Request(method, path);
    if (body != null) {
      request.setJsonEntity(body);
    }
    return client.performRequest(request);
  }

  private static String body(org.elasticsearch.client.Response response) throws IOException {
    try (InputStream content = response.getEntity().getContent()) {
      return new String(content.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
