package it.sportello.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 24: the diff a reviewer sees (a draft against the version it came from, element by element
 * with the changed properties), a process deployed with the decisions it calls, and the allowlist
 * the properties panel offers.
 */
class StudioDiffIT extends IntegrationTest {

  @Autowired RepositoryService repository;

  @Test
  void aDraftsDiffListsTheChangedElementsWithTheirPropertiesAgainstItsBaseVersion() {
    ProcessDefinition ticket =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey("ticket")
            .latestVersion()
            .singleResult();
    String xml =
        get("/api/studio/models/BPMN/" + ticket.getId(), "analyst")
            .getBody()
            .path("content")
            .asText();
    // the latest version may already carry other tests' changes (the studio's journey deploys one,
    // written by bpmn-js): the label and the retry cycle are set to values no other test uses
    String changed =
        retryCycleAfter(
            nameOf(xml, "userTask_handleLevel1", "Handle the request (level 1)"),
            "boundaryEvent_takeInChargeOverdue",
            "R2/PT7M");
    long draftId =
        post(
                "/api/studio/drafts",
                "analyst",
                Map.of(
                    "kind",
                    "BPMN",
                    "content",
                    changed,
                    "baseVersion",
                    ticket.getVersion(),
                    "changeNote",
                    "label and retries"))
            .getBody()
            .path("draft")
            .path("id")
            .asLong();

    ResponseEntity<JsonNode> response = get("/api/studio/drafts/" + draftId + "/diff", "analyst2");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode diff = response.getBody();
    assertThat(diff.path("fromVersion").asInt()).isEqualTo(ticket.getVersion());
    assertThat(diff.path("draftId").asLong()).isEqualTo(draftId);
    assertThat(diff.path("before").asText()).isEqualTo(xml);
    List<String> changedIds = new ArrayList<>();
    diff.path("changes").forEach(c -> changedIds.add(c.path("elementId").asText()));
    assertThat(changedIds).contains("userTask_handleLevel1", "boundaryEvent_takeInChargeOverdue");
    JsonNode task = diff.path("changes").get(changedIds.indexOf("userTask_handleLevel1"));
    assertThat(task.path("change").asText()).isEqualTo("CHANGED");
    assertThat(task.path("properties").get(0).path("property").asText()).isEqualTo("name");
    assertThat(task.path("properties").get(0).path("after").asText())
        .isEqualTo("Handle the request (level 1)");
  }

  @Test
  void twoVersionsOfDifferentModelsAreNotCompared() {
    List<String> ids = new ArrayList<>();
    for (String key : List.of("ticket", "callback")) {
      ProcessDefinition definition =
          repository
              .createProcessDefinitionQuery()
              .processDefinitionKey(key)
              .latestVersion()
              .singleResult();
      ids.add(definition.getId());
    }
    ResponseEntity<JsonNode> response =
        get("/api/studio/diff?kind=BPMN&from=" + ids.get(0) + "&to=" + ids.get(1), "analyst");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().toString()).contains("\"to\"");
  }

  @Test
  void aProcessIsDeployedWithTheDecisionItCallsAndAnUnknownDecisionIsShownOnItsTask() {
    String key = "studio-test-" + UUID.randomUUID().toString().substring(0, 8);
    String extra =
        """
        <businessRuleTask id="businessRuleTask_classify" name="Classify the request"
            camunda:decisionRef="%s" camunda:decisionRefBinding="deployment"
            camunda:mapDecisionResult="singleResult" camunda:resultVariable="classification"/>
        """;

    ResponseEntity<JsonNode> unknown =
        post(
            "/api/studio/drafts",
            "analyst",
            Map.of(
                "kind",
                "BPMN",
                "content",
                StudioIT.model(key, "", "ticket-level1", extra.formatted("no-such-decision")),
                "changeNote",
                "unknown decision"));
    assertThat(unknown.getBody().path("problems").toString())
        .contains("businessRuleTask_classify", "DECISIONS", "no-such-decision");

    long draftId =
        post(
                "/api/studio/drafts",
                "analyst",
                Map.of(
                    "kind",
                    "BPMN",
                    "content",
                    StudioIT.model(
                        key, "", "ticket-level1", extra.formatted("ticket-classification")),
                    "changeNote",
                    "with the classification"))
            .getBody()
            .path("draft")
            .path("id")
            .asLong();
    ResponseEntity<JsonNode> asked =
        post("/api/studio/drafts/" + draftId + "/deploy-requests", "analyst", Map.of());
    assertThat(asked.getStatusCode()).as("%s", asked.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(asked.getBody().path("resources").toString())
        .contains(key + ".bpmn", "ticket-level1.form", "ticket-classification.dmn");

    JsonNode approved =
        post(
                "/api/studio/deploy-requests/" + asked.getBody().path("id").asLong() + "/decision",
                "analyst2",
                Map.of("decision", "APPROVE"))
            .getBody();
    String deploymentId = approved.path("deploymentId").asText();
    assertThat(repository.getDeploymentResourceNames(deploymentId))
        .contains(key + ".bpmn", "ticket-level1.form", "ticket-classification.dmn");
    assertThat(
            repository
                .createDecisionDefinitionQuery()
                .deploymentId(deploymentId)
                .decisionDefinitionKey("ticket-classification")
                .count())
        .isEqualTo(1);
  }

  @Test
  void theAllowlistNamesTheDelegatesAndListenersAModelMayUse() {
    ResponseEntity<JsonNode> response = get("/api/studio/beans", "analyst");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, String> uses = new java.util.HashMap<>();
    response.getBody().forEach(b -> uses.put(b.path("name").asText(), b.path("uses").toString()));
    assertThat(uses.get("applyClassificationDelegate")).contains("DELEGATE");
    assertThat(uses.get("ticketTaskListener")).contains("TASK_LISTENER");
    assertThat(uses).doesNotContainKey("dataSource");
    assertThat(get("/api/studio/beans", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  /** The model with the element's {@code name} attribute set, whatever the prefix and order. */
  private static String nameOf(String xml, String elementId, String name) {
    int id = xml.indexOf("id=\"" + elementId + "\"");
    int start = xml.lastIndexOf('<', id);
    int end = xml.indexOf('>', id);
    String tag = xml.substring(start, end);
    String renamed = tag.replaceFirst(" name=\"[^\"]*\"", " name=\"" + name + "\"");
    return xml.substring(0, start) + renamed + xml.substring(end);
  }

  /** The model with the first retry cycle after the element's start set to {@code cycle}. */
  private static String retryCycleAfter(String xml, String elementId, String cycle) {
    int id = xml.indexOf("id=\"" + elementId + "\"");
    int open = xml.indexOf("failedJobRetryTimeCycle>", id) + "failedJobRetryTimeCycle>".length();
    int close = xml.indexOf('<', open);
    return xml.substring(0, open) + cycle + xml.substring(close);
  }
}
