package it.sportello.notification.process;

import it.sportello.notification.TicketTasks;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The open tasks of tickets, from the engine's task service (ticket number = business key). */
@Component
class CamundaTicketTasks implements TicketTasks {

  private final TaskService taskService;
  private final RuntimeService runtimeService;

  CamundaTicketTasks(TaskService taskService, RuntimeService runtimeService) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
  }

  @Override
  public List<OpenTask> openTasks(String ticketNumber) {
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(ticketNumber)
        .active()
        .orderByTaskCreateTime()
        .asc()
        .list()
        .stream()
        .map(task -> new OpenTask(task.getId(), task.getAssignee(), candidateGroups(task)))
        .toList();
  }

  @Override
  public List<String> openTaskAssignees(String ticketNumber) {
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(ticketNumber)
        .active()
        .taskAssigned()
        .orderByTaskCreateTime()
        .asc()
        .list()
        .stream()
        .map(Task::getAssignee)
        .toList();
  }

  @Override
  public Map<String, String> firstOpenTask(Collection<String> ticketNumbers) {
    Map<String, String> first = new LinkedHashMap<>();
    if (ticketNumbers.isEmpty()) {
      return first;
    }
    List<Task> open =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKeyIn(ticketNumbers.toArray(String[]::new))
            .active()
            .orderByTaskCreateTime()
            .asc()
            .list();
    if (open.isEmpty()) {
      return first;
    }
    Map<String, String> businessKeys = new HashMap<>();
    runtimeService
        .createProcessInstanceQuery()
        .processInstanceIds(
            open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
        .list()
        .forEach(instance -> businessKeys.put(instance.getId(), instance.getBusinessKey()));
    for (Task task : open) {
      String number = businessKeys.get(task.getProcessInstanceId());
      if (number != null) {
        first.putIfAbsent(number, task.getId());
      }
    }
    return first;
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .filter(group -> group != null)
        .toList();
  }
}
