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
import java.util.Map;
import java.util.Set;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Articles in German and French on the real node: each analysed with its language's analyzer
 * (plural and singular on one stem, umlauts and elided articles), found by a query in that language
 * and only by one in that language.
 */
class GermanFrenchSearchIT extends IntegrationTest {

  private static final String TOPIC = "IT-GERMAN-FRENCH";
  private static final long GERMAN_TARI = 981_001L;
  private static final long GERMAN_RESIDENCE = 981_002L;
  private static final long FRENCH_TARI = 981_003L;
  private static final long FRENCH_RESIDENCE = 981_004L;
  private static final long ITALIAN_TARI = 981_005L;
  private static final List<Long> ALL =
      List.of(GERMAN_TARI, GERMAN_RESIDENCE, FRENCH_TARI, FRENCH_RESIDENCE, ITALIAN_TARI);

  @Autowired EmbeddedSearchNode node;
  @Autowired SearchIndex searchIndex;
  @Autowired SearchEngine engine;
  @Autowired SearchProperties properties;

  private RestClient client;

  @BeforeEach
  void nodeUpAndArticlesIndexed() throws Exception {
    client = SearchNodes.upWithCurrentIndex(node, searchIndex, engine);
    engine.replace(
        ALL,
        List.of(
            article(
                GERMAN_TARI,
                "de",
                "Zahlung der Abfallgebühr (TARI)",
                "Die Zahlung der Gebühr erfolgt mit dem pagoPA-Formular bis zum Fälligkeitstag."),
            article(
                GERMAN_RESIDENCE,
                "de",
                "Meldebescheinigung anfordern",
                "Die Bescheinigung stellt das Meldeamt aus, auch online mit SPID oder CIE."),
            article(
                FRENCH_TARI,
                "fr",
                "Paiement de la taxe sur les déchets (TARI)",
                "Le paiement s'effectue avec l'avis pagoPA avant l'échéance."),
            article(
                FRENCH_RESIDENCE,
                "fr",
                "Demander l'attestation de résidence",
                "Le bureau de l'état civil délivre l'attestation, aussi en ligne avec SPID ou CIE."),
            article(
                ITALIAN_TARI,
                "it",
                "Pagamento della TARI",
                "Il pagamento avviene con l'avviso pagoPA entro la scadenza.")));
  }

  @AfterEach
  void removeTheArticles() throws IOException {
    engine.replace(ALL, List.of());
    client.close();
  }

  @Test
  void germanPluralsAndUmlautsMeetTheirArticle() throws IOException {
    assertThat(tokens("sportello_de", "Zahlungen")).isEqualTo(tokens("sportello_de", "Zahlung"));
    assertThat(tokens("sportello_de", "Gebühren")).isEqualTo(tokens("sportello_de", "Gebuehr"));
    assertThat(tokens("sportello_de", "die und der")).as("stop words").isEmpty();

    assertThat(ids(search("Zahlungen", "de"))).containsExactly(GERMAN_TARI);
    assertThat(ids(search("Gebuehren", "de"))).containsExactly(GERMAN_TARI);
    assertThat(ids(search("Bescheinigungen vom Meldeamt", "de"))).containsExactly(GERMAN_RESIDENCE);
  }

  @Test
  void frenchPluralsAndElidedArticlesMeetTheirArticle() throws IOException {
    assertThat(tokens("sportello_fr", "paiements")).isEqualTo(tokens("sportello_fr", "paiement"));
    assertThat(tokens("sportello_fr", "l'attestation"))
        .isEqualTo(tokens("sportello_fr", "attestation"))
        .isEqualTo(tokens("sportello_fr", "L’attestation"));
    assertThat(tokens("sportello_fr", "le la les de")).as("stop words").isEmpty();

    assertThat(ids(search("paiements", "fr"))).containsExactly(FRENCH_TARI);
    assertThat(ids(search("attestations", "fr"))).containsExactly(FRENCH_RESIDENCE);
    SearchResult elided = search("l’attestation de résidence", "fr");
    assertThat(ids(elided)).first().isEqualTo(FRENCH_RESIDENCE);
    assertThat(elided.hits().get(0).snippet()).contains("attestation</mark>");
  }

  @Test
  void aQueryFindsOnlyArticlesInItsLanguage() {
    assertThat(ids(search("TARI pagoPA", "de"))).containsExactly(GERMAN_TARI);
    assertThat(ids(search("TARI pagoPA", "fr"))).containsExactly(FRENCH_TARI);
    assertThat(ids(search("TARI pagoPA", "it"))).containsExactly(ITALIAN_TARI);
    assertThat(ids(search("pagamenti", "it"))).containsExactly(ITALIAN_TARI);
  }

  @Test
  void theJvmsAnalysisForTheSecondStageAgreesWithTheNodes() throws IOException {
    String german =
        "Die Zahlungen der Müllgebühren für das Jahr: Bescheinigungen werden vom Meldeamt "
            + "ausgestellt, auch über SPID. GEBÜHREN und Gebuehren, Häuser und Straße.";
    String french =
        "L'attestation de résidence et les paiements de la taxe : l’avis pagoPA qu'il "
            + "faut payer jusqu'à l'échéance. Les DÉCHETS ménagers, c'est la TARI.";
    assertThat(nodeTerms("sportello_de", german))
        .hasSizeGreaterThan(8)
        .isEqualTo(LanguageTerms.of("de", german));
    assertThat(nodeTerms("sportello_fr", french))
        .hasSizeGreaterThan(8)
        .isEqualTo(LanguageTerms.of("fr", french));
    assertThat(LanguageTerms.of("fr", "paiements")).isNotEqualTo(ItalianTerms.of("paiements"));
  }

  // ---------------------------------------------------------------------------------------------

  private List<ItalianTerms.Term> nodeTerms(String analyzer, String text) throws IOException {
    Request request = new Request("POST", "/" + properties.index() + "/_analyze");
    request.setJsonEntity(json.writeValueAsString(Map.of("analyzer", analyzer, "text", text)));
    try (InputStream content = client.performRequest(request).getEntity().getContent()) {
      List<ItalianTerms.Term> terms = new ArrayList<>();
      json.readTree(content)
          .path("tokens")
          .forEach(
              token ->
                  terms.add(
                      new ItalianTerms.Term(
                          token.path("token").asText(), token.path("position").asInt())));
      return terms;
    }
  }

  private SearchResult search(String text, String language) {
    return engine.search(new SearchQuery(text, language, Set.of("PUBLIC"), Set.of(), TOPIC, 10));
  }

  private static List<Long> ids(SearchResult result) {
    return result.hits().stream().map(SearchHit::sourceId).toList();
  }

  private static IndexedDocument article(long id, String language, String title, String body) {
    return new IndexedDocument(
        id,
        language,
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

  private List<String> tokens(String analyzer, String text) throws IOException {
    Request request = new Request("POST", "/" + properties.index() + "/_analyze");
    request.setJsonEntity(json.writeValueAsString(Map.of("analyzer", analyzer, "text", text)));
    try (InputStream content = client.performRequest(request).getEntity().getContent()) {
      JsonNode response = json.readTree(content);
      List<String> tokens = new ArrayList<>();
      response.path("tokens").forEach(token -> tokens.add(token.path("token").asText()));
      return tokens;
    }
  }
}
