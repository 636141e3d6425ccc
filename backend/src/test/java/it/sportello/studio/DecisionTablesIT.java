package it.sportello.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.sportello.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Item 7 of issue 24: the classification table (which also chooses the SLA policy) is changed in
 * the studio with its tests; a failing test blocks the request; once a second analyst approves, the
 * next ticket gets the new result; the diff between the two deployed versions shows the rule. The
 * table is put back the same way (rollback: the earlier version deployed again under four eyes), so
 * that no other test sees the change.
 */
class DecisionTablesIT extends IntegrationTest {

  static final String KEY = "ticket-classification";

  /** A rule for the routing topic "technical", before the default rule. */
  static final String NEW_RULE =
      """
      <rule id="rule_technicalTopic">
        <description>Questions filed under the technical topic go to the technical desk, urgent</description>
        <inputEntry id="inputEntry_technicalTopic_type"><text></text></inputEntry>
        <inputEntry id="inputEntry_technicalTopic_topic"><text>"technical"</text></inputEntry>
        <inputEntry id="inputEntry_technicalTopic_channel"><text></text></inputEntry>
        <inputEntry id="inputEntry_technicalTopic_language"><text></text></inputEntry>
        <outputEntry id="outputEntry_technicalTopic_queue"><text>"technical"</text></outputEntry>
        <outputEntry id="outputEntry_technicalTopic_priority"><text>1</text></outputEntry>
        <outputEntry id="outputEntry_technicalTopic_sla"><text>"STANDARD"</text></outputEntry>
      </rule>
      <rule id="rule_default">""";

  @Autowired RepositoryService repository;

  @Test
  void aChangedTableWithItsTestsIsDeployedUnderFourEyesAndTheNextTicketGetsTheNewResult()
      throws Exception {
    DecisionDefinition before = latest();
    JsonNode opened = get("/api/studio/models/DMN/" + before.getId(), "analyst").getBody();
    String original = opened.path("content").asText();
    String shippedTests = opened.path("tests").asText();
    assertThat(shippedTests).as("the tests kept with the shipped table").contains("\"cases\"");
    assertThat(ticketQueue()).isEqualTo("general/3");

    try {
      String changed = original.replace("<rule id=\"rule_default\">", NEW_RULE);
      // a test that expects the old answer fails: shown on save, and the request is refused
      String wrongTests = withCase(shippedTests, "technical", "general", 3);
      ResponseEntity<JsonNode> saved =
          post(
              "/api/studio/drafts",
              "analyst",
              Map.of(
                  "kind",
                  "DMN",
                  "content",
                  changed,
                  "baseVersion",
                  before.getVersion(),
                  "changeNote",
                  "technical topic to the technical desk",
                  "tests",
                  wrongTests));
      assertThat(saved.getStatusCode()).as("%s", saved.getBody()).isEqualTo(HttpStatus.CREATED);
      assertThat(sources(saved.getBody())).containsExactly("TESTS");
      assertThat(saved.getBody().path("problems").get(0).path("message").asText())
          .contains("technical topic", "queue = technical");
      List<Boolean> passed = new ArrayList<>();
      saved.getBody().path("tests").forEach(t -> passed.add(t.path("passed").asBoolean()));
      assertThat(passed).hasSizeGreaterThan(20).containsOnlyOnce(false);
      long draftId = saved.getBody().path("draft").path("id").asLong();
      ResponseEntity<JsonNode> refused =
          post("/api/studio/drafts/" + draftId + "/deploy-requests", "analyst", Map.of());
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().toString()).contains("content", "technical topic");

      // the test corrected: saved clean, asked, approved by the second analyst
      ResponseEntity<JsonNode> fixed =
          call(
              HttpMethod.PUT,
              "/api/studio/drafts/" + draftId,
              "analyst",
              Map.of(
                  "kind",
                  "DMN",
                  "content",
                  changed,
                  "changeNote",
                  "technical topic to the technical desk",
                  "tests",
                  withCase(shippedTests, "technical", "technical", 1)));
      assertThat(fixed.getBody().path("problems").size()).as("%s", fixed.getBody()).isZero();
      assertThat(fixed.getBody().path("draft").path("tests").asText()).contains("technical");
      long requestId = deploy(draftId);
      assertThat(get("/api/studio/deploy-requests", "analyst2").getBody().toString())
          .contains("ticket-classification.tests.json");
      JsonNode approved =
          post(
                  "/api/studio/deploy-requests/" + requestId + "/decision",
                  "analyst2",
                  Map.of("decision", "APPROVE"))
              .getBody();
      String deploymentId = approved.path("deploymentId").asText();
      assertThat(repository.getDeploymentResourceNames(deploymentId))
          .containsExactlyInAnyOrder(KEY + ".dmn", KEY + ".tests.json");

      // the next ticket gets the new result
      assertThat(ticketQueue()).isEqualTo("technical/1");

      // the two deployed versions compared: the new rule, named by its description
      DecisionDefinition after = latest();
      JsonNode diff =
          get(
                  "/api/studio/diff?kind=DMN&from=" + before.getId() + "&to=" + after.getId(),
                  "analyst2")
              .getBody();
      assertThat(diff.path("fromVersion").asInt()).isEqualTo(before.getVersion());
      assertThat(diff.path("changes").size()).as("%s", diff).isEqualTo(1);
      JsonNode rule = diff.path("changes").get(0);
      assertThat(rule.path("elementId").asText()).isEqualTo("rule_technicalTopic");
      assertThat(rule.path("change").asText()).isEqualTo("ADDED");
      assertThat(rule.path("scope").asText()).isEqualTo(KEY);
      assertThat(rule.path("properties").toString()).contains("input 'Topic'");
      // the deployed version's tests are those deployed with it
      assertThat(get("/api/studio/models/DMN/" + after.getId(), "analyst").getBody().toString())
          .contains("technical");
    } finally {
      // rollback through the same path: the earlier version deployed again under four eyes
      long draftId =
          post(
                  "/api/studio/drafts",
                  "analyst2",
                  Map.of(
                      "kind",
                      "DMN",
                      "content",
                      original,
                      "changeNote",
                      "rollback",
                      "tests",
                      shippedTests))
              .getBody()
              .path("draft")
              .path("id")
              .asLong();
      long requestId =
          post("/api/studio/drafts/" + draftId + "/deploy-requests", "analyst2", Map.of())
              .getBody()
              .path("id")
              .asLong();
      post(
          "/api/studio/deploy-requests/" + requestId + "/decision",
          "analyst",
          Map.of("decision", "APPROVE"));
    }
    assertThat(ticketQueue()).isEqualTo("general/3");
  }

  private long deploy(long draftId) {
    ResponseEntity<JsonNode> asked =
        post("/api/studio/drafts/" + draftId + "/deploy-requests", "analyst", Map.of());
    assertThat(asked.getStatusCode()).as("%s", asked.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(asked.getBody().path("diffSummary").asText()).contains("added: rule_technicalTopic");
    return asked.getBody().path("id").asLong();
  }

  private DecisionDefinition latest() {
    return repository
        .createDecisionDefinitionQuery()
        .decisionDefinitionKey(KEY)
        .latestVersion()
        .singleResult();
  }

  /** The queue and priority a new web question on the technical topic gets. */
  private String ticketQueue() {
    Map<String, Object> request = ticketRequest(fiscalCode(), "Domanda tecnica");
    request.put("category", Map.of("topic", "technical"));
    ResponseEntity<JsonNode> response = post("/api/tickets", "api-client", request);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    return response.getBody().path("queue").asText()
        + "/"
        + response.getBody().path("priority").asInt();
  }

  private String withCase(String tests, String topic, String queue, int priority) throws Exception {
    ObjectNode root = (ObjectNode) json.readTree(tests);
    ObjectNode testCase = ((ArrayNode) root.path("cases")).addObject();
    testCase.put("name", "technical topic");
    testCase.putObject("inputs").put("ticketType", "Q").put("topic", topic).put("channel", "WEB");
    testCase
        .putObject("expected")
        .put("queue", queue)
        .put("priority", priority)
        .put("slaPolicy", "STANDARD");
    return json.writeValueAsString(root);
  }

  private static List<String> sources(JsonNode saved) {
    List<String> sources = new ArrayList<>();
    saved.path("problems").forEach(p -> sources.add(p.path("source").asText()));
    return sources;
  }
}
