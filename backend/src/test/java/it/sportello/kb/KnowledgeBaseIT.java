package it.sportello.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.search.SearchIndex;
import it.sportello.search.SearchNodes;
import it.sportello.search.embedded.EmbeddedSearchNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The knowledge base end to end on the real engine node (OpenSearch 2.19 in a child JVM, shared by
 * the test JVM): an author drafts, a reviewer approves through the task inbox, the article is
 * indexed and found by operators and citizens with differently inflected Italian words, within what
 * each may see.
 */
class KnowledgeBaseIT extends IntegrationTest {

  @Autowired EmbeddedSearchNode node;
  @Autowired SearchIndex searchIndex;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;

  @BeforeEach
  void searchNodeIsUpAndTheIndexInStep() throws Exception {
    SearchNodes.upAndInStep(node, searchIndex);
  }

  @Test
  void anAuthorDraftsAReviewerApprovesAndOperatorsAndCitizensFindIt() {
    long publicId =
        draft(
            "PUBLIC",
            "Rilascio dei certificati anagrafici storici",
            "Il certificato storico di residenza ricostruisce gli indirizzi passati di una persona.",
            "Il certificato anagrafico storico si richiede all'ufficio anagrafe per pratiche di"
                + " successione o di cittadinanza. Indica le residenze avute nel Comune.");
    long internalId =
        draft(
            "FRONT_OFFICE",
            "Certificati anagrafici storici: verifiche dello sportello",
            "Procedura interna per il rilascio dei certificati storici.",
            "Controllare nel gestionale anagrafe le iscrizioni storiche prima del rilascio.");

    approve(publicId);
    approve(internalId);
    searchIndex.processPending();

    assertThat(get("/api/kb/articles/" + publicId, "kbeditor").getBody().path("status").asText())
        .isEqualTo("PUBLISHED");
    String query = "/api/public/kb/search?q=rilasciare certificato anagrafico storico&lang=it";
    ResponseEntity<JsonNode> citizen = get(query, null);
    assertThat(citizen.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ids(citizen.getBody()))
        .as("an anonymous citizen finds the public article, not the front office's")
        .contains(publicId)
        .doesNotContain(internalId);
    assertThat(citizen.getBody().path("hits").get(0).path("sourceId").asLong()).isEqualTo(publicId);

    ResponseEntity<JsonNode> operator =
        get("/api/kb/search?q=rilasciare certificato anagrafico storico&lang=it", "operator1");
    assertThat(operator.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ids(operator.getBody())).contains(publicId, internalId);
    assertThat(operator.getBody().path("topics").isObject()).isTrue();

    assertThat(get("/api/public/kb/articles/" + internalId, null).getStatusCode())
        .as("a front-office article is not readable without login")
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            get("/api/public/kb/articles/" + publicId, null)
                .getBody()
                .path("variants")
                .get(0)
                .path("title")
                .asText())
        .isEqualTo("Rilascio dei certificati anagrafici storici");
  }

  @Test
  void inflectedWordsTyposAndSynonymsFindTheDemoArticles() {
    searchIndex.processPending();
    await().atMost(Duration.ofSeconds(60)).until(() -> searchIndex.check().consistent());

    assertThat(firstTitle("/api/public/kb/search?q=richiedere certificati residenti"))
        .isEqualTo("Richiesta del certificato di residenza");
    assertThat(firstTitle("/api/public/kb/search?q=ho traslocato, devo cambiare indirizzo"))
        .isEqualTo("Cambio di residenza o di indirizzo");
    assertThat(firstTitle("/api/public/kb/search?q=pagamneto tassa spazzatura"))
        .as("a typo and a synonym")
        .isEqualTo("Come pagare la TARI");
    JsonNode english = get("/api/public/kb/search?q=waste tax payment&lang=en", null).getBody();
    assertThat(english.path("hits").get(0).path("title").asText())
        .isEqualTo("How to pay the TARI waste tax");
    JsonNode highlighted = get("/api/public/kb/search?q=marca da bollo", null).getBody();
    assertThat(highlighted.path("hits").get(0).path("snippet").asText()).contains("<mark>");
  }

  @Test
  void germanAndFrenchQuestionsFindTheDemoArticlesInTheirLanguage() {
    searchIndex.processPending();
    await().atMost(Duration.ofSeconds(60)).until(() -> searchIndex.check().consistent());

    assertThat(firstTitle("/api/public/kb/search?q=Zahlungen der Abfallgebühren&lang=de"))
        .isEqualTo("Wie zahlt man die TARI (Abfallgebühr)");
    assertThat(firstTitle("/api/public/kb/search?q=Meldebescheinigungen&lang=de"))
        .isEqualTo("Meldebescheinigung (Wohnsitzbescheinigung) anfordern");
    assertThat(firstTitle("/api/public/kb/search?q=paiements de la taxe sur les déchets&lang=fr"))
        .isEqualTo("Comment payer la TARI (taxe sur les déchets)");
    assertThat(firstTitle("/api/public/kb/search?q=l'attestation de résidence&lang=fr"))
        .isEqualTo("Demander l’attestation de résidence");
    JsonNode french = get("/api/public/kb/search?q=paiement&lang=fr", null).getBody();
    assertThat(french.path("hits"))
        .as("only French articles answer a French question")
        .allSatisfy(hit -> assertThat(hit.path("language").asText()).isEqualTo("fr"));
  }

  @Test
  void aQuestionSharingFewWordsWithTheArticleStillFindsIt() {
    long id =
        draft(
            "PUBLIC",
            "Rinnovo del passaporto",
            "Il passaporto si rinnova in questura.",
            "Per rinnovare il passaporto si prenota un appuntamento in questura e si portano due"
                + " fotografie recenti.");
    approve(id);
    searchIndex.processPending();

    // two of the question's nine meaningful words are in the article: the former rule (half of
    // the words must match) left it out of the results
    JsonNode found =
        get(
                "/api/public/kb/search?q=cosa devo fare quando vado a rinnovare il passaporto"
                    + " scaduto la settimana scorsa a Milano",
                null)
            .getBody();
    assertThat(ids(found)).first().isEqualTo(id);

    // a word in no article: the second pass tolerates the typo
    assertThat(ids(get("/api/public/kb/search?q=pasaporto", null).getBody())).contains(id);
  }

  @Test
  void theReviewerSendsTheDraftBackWithACommentAndTheHistoryShowsTheDiff() {
    long id =
        draft(
            "PUBLIC",
            "Contrassegno per persone con disabilità",
            "Come richiedere il contrassegno.",
            "Si richiede alla polizia locale.");
    submit(id);
    String task = taskOf(id, "kbreviewer");

    ResponseEntity<JsonNode> missingComment =
        post(
            "/api/tasks/" + task + "/complete",
            "kbreviewer",
            Map.of("reviewDecision", "SEND_BACK"));
    assertThat(missingComment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(missingComment.getBody().path("errors").get(0).path("field").asText())
        .isEqualTo("reviewComment");

    assertThat(
            post(
                    "/api/tasks/" + task + "/complete",
                    "kbreviewer",
                    Map.of(
                        "reviewDecision",
                        "SEND_BACK",
                        "reviewComment",
                        "Indica i documenti da portare."))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    JsonNode article = get("/api/kb/articles/" + id, "kbeditor").getBody();
    assertThat(article.path("status").asText()).isEqualTo("DRAFT");
    assertThat(get("/api/kb/articles/" + id + "/events", "kbeditor").getBody().toString())
        .contains("SEND_BACK", "Indica i documenti da portare.", "kbreviewer");

    Map<String, Object> revised =
        article(
            "PUBLIC",
            "Contrassegno per persone con disabilità",
            "Come richiedere il contrassegno.",
            "Si richiede alla polizia locale con il certificato medico e una fototessera.");
    revised.put("changeNote", "Aggiunti i documenti");
    assertThat(
            call(HttpMethod.PUT, "/api/kb/articles/" + id, "kbeditor", revised)
                .getBody()
                .path("version")
                .asInt())
        .isEqualTo(2);
    JsonNode diff = get("/api/kb/articles/" + id + "/diff?from=1&to=2", "kbeditor").getBody();
    assertThat(diff.path("lines").toString())
        .contains("-Si richiede alla polizia locale.")
        .contains("+Si richiede alla polizia locale con il certificato medico e una fototessera.");
    JsonNode versions = get("/api/kb/articles/" + id + "/versions", "kbeditor").getBody();
    assertThat(versions.get(1).path("author").asText()).isEqualTo("kbeditor");
    assertThat(versions.get(1).path("changeNote").asText()).isEqualTo("Aggiunti i documenti");

    submit(id);
    approveTask(id);
    assertThat(get("/api/kb/articles/" + id, "kbeditor").getBody().path("status").asText())
        .isEqualTo("PUBLISHED");
    assertThat(get("/api/kb/articles/" + id, "operator1").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void callersSeeOnlyWhatTheirRoleAllows() {
    assertThat(
            post("/api/kb/articles", "operator1", article("PUBLIC", "T", "S", "B")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("/api/kb/search?q=tari", null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<JsonNode> invalid =
        post("/api/kb/articles", "kbeditor", Map.of("audience", "PUBLIC", "variants", List.of()));
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(invalid.getBody().path("errors").get(0).path("field").asText())
        .isEqualTo("variants");
  }

  // ---------------------------------------------------------------------------------------------

  private long draft(String audience, String title, String summary, String body) {
    ResponseEntity<JsonNode> created =
        post("/api/kb/articles", "kbeditor", article(audience, title, summary, body));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody().path("status").asText()).isEqualTo("DRAFT");
    return created.getBody().path("id").asLong();
  }

  private static Map<String, Object> article(
      String audience, String title, String summary, String body) {
    return new java.util.HashMap<>(
        Map.of(
            "categoryCode",
            "certificati",
            "audience",
            audience,
            "tags",
            List.of("certificati", "anagrafe"),
            "variants",
            List.of(Map.of("language", "it", "title", title, "summary", summary, "body", body))));
  }

  private void submit(long id) {
    ResponseEntity<JsonNode> submitted =
        post("/api/kb/articles/" + id + "/submit", "kbeditor", null);
    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(submitted.getBody().path("status").asText()).isEqualTo("IN_REVIEW");
  }

  private void approve(long id) {
    submit(id);
    approveTask(id);
  }

  private void approveTask(long id) {
    String task = taskOf(id, "kbreviewer");
    assertThat(
            post(
                    "/api/tasks/" + task + "/complete",
                    "kbreviewer",
                    Map.of("reviewDecision", "APPROVE"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    KbPublicationJobs.run(runtimeService, managementService, id);
  }

  private String taskOf(long id, String user) {
    JsonNode tasks = get("/api/tasks?businessKey=KB-" + id, user).getBody();
    assertThat(tasks.path("items")).as("tasks of KB-%s for %s", id, user).hasSize(1);
    return tasks.path("items").get(0).path("id").asText();
  }

  private String firstTitle(String path) {
    JsonNode result = get(path, null).getBody();
    assertThat(result.path("hits")).as(path).isNotEmpty();
    return result.path("hits").get(0).path("title").asText();
  }

  private static List<Long> ids(JsonNode result) {
    List<Long> ids = new ArrayList<>();
    result.path("hits").forEach(hit -> ids.add(hit.path("sourceId").asLong()));
    return ids;
  }
}
