package it.sportello.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Try before deploy (issue 24, item 5): a draft's dry run on the throwaway engine returns its path
 * through the user task (completed with the sample variables), the asynchronous continuation and
 * the delegate (a stub recorded it); the production engine's tables and the application's are
 * untouched; a draft with problems is not run.
 */
class StudioDryRunIT extends IntegrationTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired RepositoryService repository;
  @Autowired DryRuns dryRuns;

  @Test
  void aDryRunReturnsThePathAndLeavesProductionTablesUntouched() {
    String key = "studio-dry-" + UUID.randomUUID().toString().substring(0, 8);
    String xml =
        StudioIT.model(key, "", "ticket-level1", "")
            .replace("targetRef=\"endEvent_done\"", "targetRef=\"exclusiveGateway_solved\"")
            .replace(
                "<endEvent id=\"endEvent_done\" name=\"Request checked\"/>",
                """
                <exclusiveGateway id="exclusiveGateway_solved" name="Solved?"
                    default="sequenceFlow_notSolved"/>
                <sequenceFlow id="sequenceFlow_solved" name="solved"
                    sourceRef="exclusiveGateway_solved" targetRef="serviceTask_close">
                  <conditionExpression>${decision == 'SOLVE'}</conditionExpression>
                </sequenceFlow>
                <sequenceFlow id="sequenceFlow_notSolved" name="not solved"
                    sourceRef="exclusiveGateway_solved" targetRef="endEvent_done"/>
                <serviceTask id="serviceTask_close" name="Close the ticket" camunda:asyncBefore="true"
                    camunda:delegateExpression="${closeTicketDelegate}">
                  <extensionElements>
                    <camunda:failedJobRetryTimeCycle>R3/PT1M</camunda:failedJobRetryTimeCycle>
                  </extensionElements>
                </serviceTask>
                <sequenceFlow id="sequenceFlow_closedToEnd" sourceRef="serviceTask_close"
                    targetRef="endEvent_done"/>
                <endEvent id="endEvent_done" name="Request checked"/>
                """);
    ResponseEntity<JsonNode> saved =
        post(
            "/api/studio/drafts",
            "analyst",
            Map.of("kind", "BPMN", "content", xml, "changeNote", "dry run"));
    assertThat(saved.getBody().path("problems").size()).as("%s", saved.getBody()).isZero();
    long draftId = saved.getBody().path("draft").path("id").asLong();
    dryRuns.run(draftId, Map.of("decision", "NO")); // the throwaway engine is built once
    Map<String, Long> before = counts();

    DryRunResult result = dryRuns.run(draftId, Map.of("decision", "SOLVE"));

    assertThat(counts()).isEqualTo(before);
    assertThat(result.error()).isNull();
    assertThat(result.ended()).isTrue();
    assertThat(result.path())
        .containsExactly(
            "startEvent_received",
            "userTask_check",
            "exclusiveGateway_solved",
            "serviceTask_close",
            "endEvent_done");
    assertThat(result.calls()).containsExactly("closeTicketDelegate @ serviceTask_close");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count())
        .isZero();

    // through the API, with the other answer: the path skips the service task
    ResponseEntity<JsonNode> viaApi =
        post(
            "/api/studio/drafts/" + draftId + "/dry-run",
            "analyst",
            Map.of("variables", Map.of("decision", "NO")));
    assertThat(viaApi.getStatusCode()).as("%s", viaApi.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(viaApi.getBody().path("path").toString())
        .doesNotContain("serviceTask_close")
        .contains("endEvent_done");
  }

  @Test
  void aDraftWithProblemsIsNotRunAndAMissingVariableIsReportedWhereTheRunStopped() {
    String key = "studio-dry-" + UUID.randomUUID().toString().substring(0, 8);
    String bad =
        StudioIT.model(
            key,
            "",
            "ticket-level1",
            """
            <scriptTask id="scriptTask_run" name="Run a script" scriptFormat="javascript">
              <script>1</script>
            </scriptTask>
            """);
    long badId =
        post("/api/studio/drafts", "analyst", Map.of("kind", "BPMN", "content", bad))
            .getBody()
            .path("draft")
            .path("id")
            .asLong();
    ResponseEntity<JsonNode> refused =
        post("/api/studio/drafts/" + badId + "/dry-run", "analyst", Map.of("variables", Map.of()));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().toString()).contains("content").contains("scriptTask_run");

    String needsQueue =
        StudioIT.model(key, "", "ticket-level1", "")
            .replace("camunda:candidateGroups=\"level1\"", "camunda:candidateGroups=\"${queue}\"");
    long id =
        post("/api/studio/drafts", "analyst", Map.of("kind", "BPMN", "content", needsQueue))
            .getBody()
            .path("draft")
            .path("id")
            .asLong();
    Map<String, Object> none = new LinkedHashMap<>();
    DryRunResult stopped = dryRuns.run(id, none);
    assertThat(stopped.ended()).isFalse();
    assertThat(stopped.error()).contains("queue");
  }

  /** Row counts of every production engine table and every table of the application. */
  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    List<Map<String, Object>> tables =
        jdbc.queryForList(
            """
            select table_schema, table_name from information_schema.tables
            where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog',
                'information_schema', 'studio_dryrun')
              and (table_name like 'act\\_%' or table_schema = 'sportello')
              and table_name not in ('audit_event', 'event_publication')
            order by 1, 2""");
    for (Map<String, Object> table : tables) {
      String name = table.get("table_schema") + "." + table.get("table_name");
      counts.put(name, jdbc.queryForObject("select count(*) from " + name, Long.class));
    }
    assertThat(counts).containsKey("sportello.studio_draft");
    assertThat(counts.keySet()).anyMatch(name -> name.endsWith("act_ru_execution"));
    return counts;
  }
}
