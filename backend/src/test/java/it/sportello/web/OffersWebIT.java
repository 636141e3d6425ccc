package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.TestUsers;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Work distribution in the browser ({@code frontend/e2e/offers.mjs}): an operator of a PUSH queue
 * of their own pauses with a reason and is offered nothing, returns available and accepts the offer
 * of the queue's item.
 */
class OffersWebIT extends BrowserIT {

  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;

  @Test
  void anOperatorPausesIsOfferedNothingReturnsAndAcceptsAnOffer()
      throws IOException, InterruptedException {
    String queue = "web" + UUID.randomUUID().toString().substring(0, 8);
    TestUsers.queue(identityService, queue, "Offers web " + queue);
    String operator = TestUsers.create(identityService, queue + "-op", "level1", queue);
    Task task = taskService.newTask();
    task.setName("Offered item");
    task.setDueDate(Date.from(Instant.now().plus(Duration.ofHours(4))));
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), queue);
    assertThat(
            call(
                    HttpMethod.PUT,
                    "/api/distribution/policies/" + queue,
                    "supervisor",
                    Map.of("policy", "FIFO", "mode", "PUSH", "offerTimeoutSeconds", 120))
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);

    String output =
        browse(
            "offers.mjs",
            "it",
            Map.of("OPERATOR", operator, "TASK", task.getId()),
            Duration.ofMinutes(3));

    assertThat(output).contains("offers it: paused with a reason, offered nothing");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isEqualTo(operator);
  }
}
