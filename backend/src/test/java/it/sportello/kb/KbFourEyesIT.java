package it.sportello.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.TestUsers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Four eyes on KB publication: who wrote or submitted an article's version may not review it, on
 * our API and through the engine; another reviewer may. No search node needed: publishing only
 * queues the article for the index.
 */
class KbFourEyesIT extends IntegrationTest {

  /** A KB author who is also a reviewer: no demo user holds both roles. */
  static final String BOTH = "kbboth";

  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @BeforeEach
  void anEditorWhoIsAlsoAReviewer() {
    if (identityService.createUserQuery().userId(BOTH).count() == 0) {
      TestUsers.create(identityService, BOTH, "kb-editor", "kb-reviewer");
    }
  }

  @Test
  void theAuthorCannotApproveTheirOwnArticleAnotherReviewerCan() {
    long id = draft(BOTH, "Rinnovo della carta d'identità elettronica");
    submit(id, BOTH);
    String review = reviewTask(id, BOTH);

    ResponseEntity<JsonNode> claim = post("/api/tasks/" + review + "/claim", BOTH, null);
    ResponseEntity<JsonNode> approve =
        post("/api/tasks/" + review + "/complete", BOTH, Map.of("reviewDecision", "APPROVE"));

    assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(approve.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(approve.getBody().get("detail").asText())
        .startsWith("Four eyes: " + BOTH)
        .contains("another reviewer");
    assertThat(status(id)).isEqualTo("IN_REVIEW");

    // the engine's door (Tasklist, /engine-rest): the task listener refuses it too
    Task task = taskService.createTaskQuery().taskId(review).singleResult();
    taskService.setAssignee(task.getId(), BOTH);
    identityService.setAuthentication(BOTH, List.of("kb-editor", "kb-reviewer"));
    try {
      assertThatThrownBy(
              () -> taskService.complete(task.getId(), Map.of("reviewDecision", "APPROVE")))
          .hasStackTraceContaining("Four eyes");
    } finally {
      identityService.clearAuthentication();
    }
    taskService.setAssignee(task.getId(), null);
    assertThat(taskService.createTaskQuery().taskId(review).count()).isEqualTo(1);
    assertThat(status(id)).isEqualTo("IN_REVIEW");

    assertThat(
            post(
                    "/api/tasks/" + review + "/complete",
                    "kbreviewer",
                    Map.of("reviewDecision", "APPROVE"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    KbPublicationJobs.run(runtimeService, managementService, id);
    assertThat(status(id)).isEqualTo("PUBLISHED");
    assertThat(get("/api/kb/articles/" + id + "/events", "kbeditor").getBody().toString())
        .contains("APPROVE", "kbreviewer");
  }

  @Test
  void whoSubmittedAnotherAuthorsDraftCannotReviewItEither() {
    long id = draft("kbeditor", "Iscrizione al servizio di mensa scolastica");
    submit(id, BOTH);
    String review = reviewTask(id, BOTH);

    ResponseEntity<JsonNode> approve =
        post("/api/tasks/" + review + "/complete", BOTH, Map.of("reviewDecision", "APPROVE"));

    assertThat(approve.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(status(id)).isEqualTo("IN_REVIEW");
    assertThat(
            post(
                    "/api/tasks/" + review + "/complete",
                    "kbreviewer",
                    Map.of("reviewDecision", "SEND_BACK", "reviewComment", "Manca il modulo."))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(status(id)).isEqualTo("DRAFT");
  }

  // ---------------------------------------------------------------------------------------------

  private long draft(String author, String title) {
    Map<String, Object> article =
        new HashMap<>(
            Map.of(
                "categoryCode",
                "certificati",
                "audience",
                "PUBLIC",
                "tags",
                List.of("anagrafe"),
                "variants",
                List.of(
                    Map.of(
                        "language",
                        "it",
                        "title",
                        title,
                        "summary",
                        "Come fare.",
                        "body",
                        "Si richiede allo sportello."))));
    ResponseEntity<JsonNode> created = post("/api/kb/articles", author, article);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().path("id").asLong();
  }

  private void submit(long id, String user) {
    ResponseEntity<JsonNode> submitted = post("/api/kb/articles/" + id + "/submit", user, null);
    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(submitted.getBody().path("status").asText()).isEqualTo("IN_REVIEW");
  }

  private String reviewTask(long id, String user) {
    JsonNode tasks = get("/api/tasks?businessKey=KB-" + id, user).getBody();
    assertThat(tasks.path("items")).as("tasks of KB-%s for %s", id, user).hasSize(1);
    return tasks.path("items").get(0).path("id").asText();
  }

  private String status(long id) {
    return get("/api/kb/articles/" + id, "kbeditor").getBody().path("status").asText();
  }
}
