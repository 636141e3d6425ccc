package it.sportello.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Running instances and their migration (issue 24, item 6): instances started on version 1 are
 * counted where they wait, version 2 is deployed under four eyes, the plan is previewed and run as
 * a batch and the instances are on version 2; a plan that leaves waiting instances without an
 * activity is refused with its validation; an older version is restored as a draft (rollback).
 */
class StudioMigrationIT extends IntegrationTest {

  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;

  @Test
  void instancesOnVersionOneAreMigratedToVersionTwoDeployedUnderFourEyes() {
    String key = "studio-migration-" + UUID.randomUUID().toString().substring(0, 8);
    String v1 = deployUnderFourEyes(StudioIT.model(key, "", "ticket-level1", ""));
    List<String> started = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      started.add(runtimeService.startProcessInstanceByKey(key, key + "-" + i).getId());
    }
    String v2 =
        deployUnderFourEyes(
            StudioIT.model(key, "", "ticket-level1", "")
                .replace("Check the request", "Check the request (v2)"));

    JsonNode running = get("/api/studio/running/" + key, "analyst").getBody();
    assertThat(running.get(0).path("definitionId").asText()).isEqualTo(v2);
    assertThat(running.get(1).path("definitionId").asText()).isEqualTo(v1);
    assertThat(running.get(1).path("instances").asLong()).isEqualTo(2);
    assertThat(running.get(1).path("activities").get(0).path("activityId").asText())
        .isEqualTo("userTask_check");
    assertThat(running.get(1).path("activities").get(0).path("instances").asLong()).isEqualTo(2);

    JsonNode preview =
        get("/api/studio/migrations/preview?source=" + v1 + "&target=" + v2, "analyst").getBody();
    assertThat(preview.path("valid").asBoolean()).as("%s", preview).isTrue();
    assertThat(preview.path("mappings").toString()).contains("userTask_check");
    assertThat(preview.path("instances").findValuesAsText("processInstanceId"))
        .containsExactlyInAnyOrderElementsOf(started);

    ResponseEntity<JsonNode> migration =
        post("/api/studio/migrations", "analyst", Map.of("source", v1, "target", v2));
    assertThat(migration.getStatusCode())
        .as("%s", migration.getBody())
        .isEqualTo(HttpStatus.CREATED);
    String batchId = migration.getBody().path("batchId").asText();
    assertThat(migration.getBody().path("requestedBy").asText()).isEqualTo("analyst");
    runBatch(batchId);

    for (String instance : started) {
      assertThat(
              runtimeService
                  .createProcessInstanceQuery()
                  .processInstanceId(instance)
                  .singleResult()
                  .getProcessDefinitionId())
          .isEqualTo(v2);
    }
    JsonNode result =
        get("/api/studio/migrations/" + migration.getBody().path("id").asLong(), "analyst")
            .getBody();
    assertThat(result.path("instances").findValuesAsText("status"))
        .containsExactly("MIGRATED", "MIGRATED");
    assertThat(result.path("progress").path("failedJobs").size()).isZero();
  }

  @Test
  void aPlanThatLeavesWaitingInstancesWithoutAnActivityIsRefusedWithItsValidation() {
    String key = "studio-migration-" + UUID.randomUUID().toString().substring(0, 8);
    String v1 = deployUnderFourEyes(StudioIT.model(key, "", "ticket-level1", ""));
    String instance = runtimeService.startProcessInstanceByKey(key, key + "-0").getId();
    String v2 =
        deployUnderFourEyes(
            StudioIT.model(key, "", "ticket-level1", "")
                .replace("userTask_check", "userTask_checkAgain"));
    long batches = managementService.createBatchQuery().count();

    JsonNode preview =
        get("/api/studio/migrations/preview?source=" + v1 + "&target=" + v2, "analyst").getBody();
    assertThat(preview.path("valid").asBoolean()).isFalse();
    assertThat(preview.path("problems").findValuesAsText("activityId")).contains("userTask_check");

    ResponseEntity<JsonNode> refused =
        post("/api/studio/migrations", "analyst", Map.of("source", v1, "target", v2));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().toString()).contains("plan").contains("userTask_check");
    assertThat(managementService.createBatchQuery().count()).isEqualTo(batches);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(instance)
                .singleResult()
                .getProcessDefinitionId())
        .isEqualTo(v1);

    // a migration without its versions is refused by field
    ResponseEntity<JsonNode> empty = post("/api/studio/migrations", "analyst", Map.of());
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(empty.getBody().toString()).contains("source").contains("target");

    // versions of another process are refused by name
    JsonNode other =
        get("/api/studio/migrations/preview?source=" + v1 + "&target=nope:1:x", "analyst")
            .getBody();
    assertThat(other.toString()).contains("target");
  }

  @Test
  void anOlderVersionIsRestoredAsADraftToGoThroughFourEyesAgain() {
    String key = "studio-migration-" + UUID.randomUUID().toString().substring(0, 8);
    String v1 = deployUnderFourEyes(StudioIT.model(key, "", "ticket-level1", ""));
    deployUnderFourEyes(
        StudioIT.model(key, "", "ticket-level1", "").replace("Check the request", "Changed"));

    ResponseEntity<JsonNode> restored =
        post("/api/studio/models/BPMN/" + v1 + "/restore", "analyst", Map.of());

    assertThat(restored.getStatusCode()).as("%s", restored.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode draft = restored.getBody().path("draft");
    assertThat(draft.path("key").asText()).isEqualTo(key);
    assertThat(draft.path("baseVersion").asInt()).isEqualTo(1);
    assertThat(draft.path("content").asText()).contains("Check the request");
    assertThat(draft.path("changeNote").asText()).contains("Restore version 1");
    assertThat(get("/api/studio/running/" + key, "operator1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  /** Deploys a model through the studio: analyst writes and asks, analyst2 approves. */
  private String deployUnderFourEyes(String xml) {
    ResponseEntity<JsonNode> saved =
        post(
            "/api/studio/drafts",
            "analyst",
            Map.of("kind", "BPMN", "content", xml, "changeNote", "migration test"));
    assertThat(saved.getBody().path("problems").size()).as("%s", saved.getBody()).isZero();
    long draftId = saved.getBody().path("draft").path("id").asLong();
    long requestId =
        post("/api/studio/drafts/" + draftId + "/deploy-requests", "analyst", Map.of())
            .getBody()
            .path("id")
            .asLong();
    String deploymentId =
        post(
                "/api/studio/deploy-requests/" + requestId + "/decision",
                "analyst2",
                Map.of("decision", "APPROVE", "comments", "ok"))
            .getBody()
            .path("deploymentId")
            .asText();
    return repositoryService
        .createProcessDefinitionQuery()
        .deploymentId(deploymentId)
        .singleResult()
        .getId();
  }

  /** The job executor is off in the tests: the batch's seed and migration jobs are run here. */
  private void runBatch(String batchId) {
    Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
    for (String definition :
        List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId())) {
      List<Job> jobs;
      while (!(jobs = managementService.createJobQuery().jobDefinitionId(definition).list())
          .isEmpty()) {
        jobs.forEach(job -> managementService.executeJob(job.getId()));
      }
    }
  }
}
