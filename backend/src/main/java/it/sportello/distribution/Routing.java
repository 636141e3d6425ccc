package it.sportello.distribution;

import io.swagger.v3.oas.annotations.media.Schema;
import it.sportello.distribution.QueuePolicies.QueuePolicy;
import it.sportello.shared.NotFoundException;
import it.sportello.worklist.Worklist;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A queue's list in the policy's order (PULL), and a supervisor's reassignment. */
@Service
public class Routing {

  static final int LIST_LIMIT = 200;

  private final QueuePolicies policies;
  private final QueueTasksPort tasks;
  private final Skills skills;
  private final Worklist worklist;
  private final Assignments assignments;

  Routing(
      QueuePolicies policies,
      QueueTasksPort tasks,
      Skills skills,
      Worklist worklist,
      Assignments assignments) {
    this.policies = policies;
    this.tasks = tasks;
    this.skills = skills;
    this.worklist = worklist;
    this.assignments = assignments;
  }

  @Schema(description = "A queue's waiting items in the order its policy serves them")
  public record QueueList(
      String queue, RoutingPolicy policy, RoutingMode mode, List<QueueItem> items) {}

  /** The queue's waiting items as its policy orders them for the operator. */
  public QueueList list(String queue, String operator) {
    QueuePolicy policy =
        policies.of(queue).orElseThrow(() -> new NotFoundException("No queue " + queue));
    Map<String, Integer> languages =
        skills.byOperator(List.of(operator), SkillKind.LANGUAGE).get(operator);
    Map<String, Integer> topics =
        skills.byOperator(List.of(operator), SkillKind.TOPIC).get(operator);
    Candidate me = new Candidate(operator, Instant.EPOCH, null, languages, topics);
    return new QueueList(
        queue,
        policy.policy(),
        policy.mode(),
        Router.order(policy.policy(), tasks.waiting(queue, LIST_LIMIT), Optional.of(me)));
  }

  /** A supervisor gives a task to an operator who may take it; kept on the item's history. */
  @Transactional
  public void reassign(String taskId, String operator, String by) {
    QueueItem item =
        tasks.find(taskId).orElseThrow(() -> new NotFoundException("No open task " + taskId));
    worklist.assign(taskId, operator, by);
    assignments.record(taskId, item.businessKey(), item.queue(), operator, "REASSIGN", by);
  }
}
