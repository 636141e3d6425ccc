package it.sportello.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The analysts' studio end to end: each construct the engine would refuse (or that could not run)
 * is reported before deployment on the element that holds it, and blocks the request to deploy; a
 * clean model deploys with its form under four eyes; the author cannot approve their own change;
 * analysts cannot deploy past the studio.
 */
class StudioIT extends IntegrationTest {

  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;

  /** A refused construct: the user task's extra XML, the extra elements, the element to name. */
  record Refused(String name, String userTaskExtra, String formRef, String extra, String element) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Refused> refused() {
    return Stream.of(
        new Refused(
            "script task",
            "",
            "ticket-level1",
            """
            <scriptTask id="scriptTask_run" name="Run a script" scriptFormat="javascript">
              <script>java.lang.System.exit(1)</script>
            </scriptTask>
            """,
            "scriptTask_run"),
        new Refused(
            "script listener",
            """
            <extensionElements>
              <camunda:executionListener event="start">
                <camunda:script scriptFormat="javascript">1</camunda:script>
              </camunda:executionListener>
            </extensionElements>
            """,
            "ticket-level1",
            "",
            "userTask_check"),
        new Refused(
            "camunda:class",
            "",
            "ticket-level1",
            """
            <serviceTask id="serviceTask_byClass" name="Run a class"
                camunda:class="java.lang.ProcessBuilder"/>
            """,
            "serviceTask_byClass"),
        new Refused(
            "bean outside the allowlist",
            "",
            "ticket-level1",
            """
            <serviceTask id="serviceTask_dataSource" name="Call a bean"
                camunda:delegateExpression="${dataSource}"/>
            """,
            "serviceTask_dataSource"),
        new Refused("missing form", "", "no-such-form", "", "userTask_check"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void aRefusedConstructIsNamedByItsElementBeforeDeployAndBlocksTheRequest(Refused refused) {
    String key = key();
    String xml = model(key, refused.userTaskExtra(), refused.formRef(), refused.extra());

    ResponseEntity<JsonNode> saved = post("/api/studio/drafts", "analyst", draft(xml, "try"));

    assertThat(saved.getStatusCode()).as("%s", saved.getBody()).isEqualTo(HttpStatus.CREATED);
    List<String> elements = new ArrayList<>();
    saved.getBody().path("problems").forEach(p -> elements.add(p.path("elementId").asText()));
    assertThat(elements).as("%s", saved.getBody().path("problems")).contains(refused.element());

    long draftId = saved.getBody().path("draft").path("id").asLong();
    ResponseEntity<JsonNode> request =
        post("/api/studio/drafts/" + draftId + "/deploy-requests", "analyst", Map.of());
    assertThat(request.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(request.getBody().toString()).contains("content").contains(refused.element());
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count())
        .isZero();
  }

  @Test
  void aCleanModelDeploysWithItsFormOnceASecondAnalystApproves() {
    String key = key();
    String xml = model(key, "", "ticket-level1", "");

    ResponseEntity<JsonNode> checked =
        post("/api/studio/check", "analyst", Map.of("kind", "BPMN", "content", xml));
    assertThat(checked.getBody().path("problems").size()).as("%s", checked.getBody()).isZero();

    ResponseEntity<JsonNode> saved =
        post("/api/studio/drafts", "analyst", draft(xml, "A new procedure"));
    assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode draft = saved.getBody().path("draft");
    assertThat(draft.path("author").asText()).isEqualTo("analyst");
    assertThat(draft.path("key").asText()).isEqualTo(key);
    assertThat(saved.getBody().path("problems").size()).isZero();
    long draftId = draft.path("id").asLong();

    ResponseEntity<JsonNode> asked =
        post("/api/studio/drafts/" + draftId + "/deploy-requests", "analyst", Map.of());
    assertThat(asked.getStatusCode()).as("%s", asked.getBody()).isEqualTo(HttpStatus.CREATED);
    long requestId = asked.getBody().path("id").asLong();
    assertThat(asked.getBody().path("resources").toString())
        .contains(key + ".bpmn", "ticket-level1.form");
    assertThat(asked.getBody().path("diffSummary").asText()).isEqualTo("new model");

    // four eyes: the author's own approval is refused, and nothing is deployed
    ResponseEntity<JsonNode> own =
        post(
            "/api/studio/deploy-requests/" + requestId + "/decision",
            "analyst",
            Map.of("decision", "APPROVE"));
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count())
        .isZero();

    ResponseEntity<JsonNode> approved =
        post(
            "/api/studio/deploy-requests/" + requestId + "/decision",
            "analyst2",
            Map.of("decision", "APPROVE", "comments", "Checked"));
    assertThat(approved.getStatusCode()).as("%s", approved.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode decided = approved.getBody();
    assertThat(decided.path("decidedBy").asText()).isEqualTo("analyst2");
    assertThat(decided.path("requestedBy").asText()).isEqualTo("analyst");
    assertThat(decided.path("decidedAt").isNull()).isFalse();
    String deploymentId = decided.path("deploymentId").asText();
    ProcessDefinition definition =
        repository.createProcessDefinitionQuery().processDefinitionKey(key).singleResult();
    assertThat(definition.getDeploymentId()).isEqualTo(deploymentId);
    assertThat(repository.getDeploymentResourceNames(deploymentId))
        .containsExactlyInAnyOrder(key + ".bpmn", "ticket-level1.form");

    // the deployed version is listed, and a second decision is refused
    assertThat(get("/api/studio/models", "analyst2").getBody().toString()).contains(key);
    assertThat(
            post(
                    "/api/studio/deploy-requests/" + requestId + "/decision",
                    "analyst2",
                    Map.of("decision", "REJECT", "comments", "late"))
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void aDraftChangedAfterTheRequestIsNotApprovedAndARejectionNeedsAComment() {
    String key = key();
    String xml = model(key, "", "ticket-level1", "");
    long draftId =
        post("/api/studio/drafts", "analyst", draft(xml, "first"))
            .getBody()
            .path("draft")
            .path("id")
            .asLong();
    long requestId =
        post("/api/studio/drafts/" + draftId + "/deploy-requests", "analyst", Map.of())
            .getBody()
            .path("id")
            .asLong();
    call(
        HttpMethod.PUT,
        "/api/studio/drafts/" + draftId,
        "analyst",
        draft(xml.replace("Check the request", "Check the request again"), "second"));

    assertThat(
            post(
                    "/api/studio/deploy-requests/" + requestId + "/decision",
                    "analyst2",
                    Map.of("decision", "APPROVE"))
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    ResponseEntity<JsonNode> noComment =
        post(
            "/api/studio/deploy-requests/" + requestId + "/decision",
            "analyst2",
            Map.of("decision", "REJECT"));
    assertThat(noComment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noComment.getBody().toString()).contains("comments");
    assertThat(
            post(
                    "/api/studio/deploy-requests/" + requestId + "/decision",
                    "analyst2",
                    Map.of("decision", "REJECT", "comments", "changed since"))
                .getBody()
                .path("decision")
                .asText())
        .isEqualTo("REJECT");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count())
        .isZero();
  }

  @Test
  void theStudioIsForAnalystsOnly() {
    assertThat(get("/api/studio/drafts", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("/api/studio/models", "analyst").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void anAnalystCannotDeployThroughTheEngineRestApiAnAdministratorsDeploymentIsAnEmergency() {
    String key = key();
    String xml = model(key, "", "ticket-level1", "");

    assertThat(engineDeploy("analyst", key, xml).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count())
        .isZero();

    ResponseEntity<JsonNode> admin = engineDeploy("admin", key, xml);
    assertThat(admin.getStatusCode()).as("%s", admin.getBody()).isEqualTo(HttpStatus.OK);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.queryForList(
                            "select outcome from sportello.audit_event where actor = 'admin'"
                                + " and reason like 'emergency deployment%' order by seq desc"
                                + " limit 1",
                            String.class))
                    .containsExactly("BREAK_GLASS"));
  }

  private ResponseEntity<JsonNode> engineDeploy(String user, String key, String xml) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "studio-bypass");
    parts.add(key + ".bpmn", namedFile(key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8)));
    return engineDeployment(user, parts);
  }

  private static Map<String, Object> draft(String xml, String note) {
    return Map.of("kind", "BPMN", "content", xml, "changeNote", note);
  }

  private static String key() {
    return "studio-test-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A model that keeps every rule, with a user task's extra XML and extra elements. */
  static String model(String key, String userTaskExtra, String formRef, String extra) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="definitions_studio" targetNamespace="http://sportello.example/bpmn">
          <process id="%1$s" name="Studio test" isExecutable="true" camunda:historyTimeToLive="P30D">
            <startEvent id="startEvent_received" name="Request received"/>
            <sequenceFlow id="sequenceFlow_toCheck" sourceRef="startEvent_received"
                targetRef="userTask_check"/>
            <userTask id="userTask_check" name="Check the request" camunda:candidateGroups="level1"
                camunda:dueDate="2030-12-31T12:00:00" camunda:followUpDate="2030-12-30T12:00:00"
                camunda:formRef="%3$s" camunda:formRefBinding="deployment">%2$s</userTask>
            <sequenceFlow id="sequenceFlow_toEnd" sourceRef="userTask_check"
                targetRef="endEvent_done"/>
            <endEvent id="endEvent_done" name="Request checked"/>
            %4$s
          </process>
        </definitions>
        """
        .formatted(key, userTaskExtra, formRef, extra);
  }
}
