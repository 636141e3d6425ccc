package it.sportello.distribution.process;

import it.sportello.distribution.QueueItem;
import it.sportello.distribution.QueueTasksPort;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The queue's tasks on Camunda's task service; the language and topic are the process (or task)
 * variables {@code language} and {@code topic} that the ticket process keeps.
 */
@Component
class CamundaQueueTasks implements QueueTasksPort {

  static final String LANGUAGE = "language";
  static final String TOPIC = "topic";

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  CamundaQueueTasks(
      TaskService taskService, RuntimeService runtimeService, IdentityService identityService) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  @Override
  public List<QueueItem> waiting(String queue, int limit) {
    List<Task> tasks =
        taskService
            .createTaskQuery()
            .active()
            .taskCandidateGroup(queue)
            .taskUnassigned()
            .orderByDueDate()
            .asc()
            .orderByTaskCreateTime()
            .asc()
            .listPage(0, limit);
    return items(tasks, queue);
  }

  private List<QueueItem> items(List<Task> tasks, String queue) {
    Set<String> instances =
        tasks.stream()
            .map(Task::getProcessInstanceId)
            .filter(id -> id != null)
            .collect(Collectors.toSet());
    Map<String, String> businessKeys = new HashMap<>();
    if (!instances.isEmpty()) {
      for (ProcessInstance instance :
          runtimeService.createProcessInstanceQuery().processInstanceIds(instances).list()) {
        businessKeys.put(instance.getId(), instance.getBusinessKey());
      }
    }
    return tasks.stream()
        .map(
            task -> {
              Map<String, Object> facts =
                  taskService.getVariables(task.getId(), List.of(LANGUAGE, TOPIC));
              return new QueueItem(
                  task.getId(),
                  businessKeys.get(task.getProcessInstanceId()),
                  queue,
                  instant(task.getDueDate()),
                  instant(task.getCreateTime()),
                  text(facts.get(LANGUAGE)),
                  text(facts.get(TOPIC)));
            })
        .toList();
  }

  @Override
  public java.util.Optional<QueueItem> find(String taskId) {
    Task task = taskService.createTaskQuery().active().taskId(taskId).singleResult();
    if (task == null) {
      return java.util.Optional.empty();
    }
    String queue =
        taskService.getIdentityLinksForTask(taskId).stream()
            .filter(link -> link.getGroupId() != null)
            .map(link -> link.getGroupId())
            .findFirst()
            .orElse(null);
    return java.util.Optional.of(items(List.of(task), queue).get(0));
  }

  @Override
  public boolean isWaiting(String taskId) {
    return taskService.createTaskQuery().active().taskId(taskId).taskUnassigned().count() == 1;
  }

  @Override
  public List<String> members(String queue) {
    return identityService.createUserQuery().memberOfGroup(queue).list().stream()
        .map(User::getId)
        .sorted()
        .toList();
  }

  @Override
  public Map<String, Integer> held(Collection<String> operators) {
    Map<String, Integer> held = new HashMap<>();
    for (String operator : operators) {
      held.put(
          operator, (int) taskService.createTaskQuery().active().taskAssignee(operator).count());
    }
    return held;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
