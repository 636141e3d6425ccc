package it.sportello.worklist.process;

import static it.sportello.processes.ProcedureProcesses.Variables.SUBJECT_KIND;

import it.sportello.shared.ConflictException;
import it.sportello.worklist.Colleague;
import it.sportello.worklist.Completion;
import it.sportello.worklist.GroupWork;
import it.sportello.worklist.InboxFilter;
import it.sportello.worklist.TaskFacts;
import it.sportello.worklist.WorkItem;
import it.sportello.worklist.Worker;
import it.sportello.worklist.WorklistPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The worklist on Camunda's task service. The inbox, its filters and SLA states, the supervisors'
 * workload and task lists read the inbox read model ({@link InboxTable}, ADR 0035); a filter on a
 * process variable the read model does not keep falls back to the engine's task query.
 */
@Component
class CamundaWorklist implements WorklistPort {

  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final FormService formService;
  private final IdentityService identityService;
  private final InboxTable table;

  CamundaWorklist(
      TaskService taskService,
      RepositoryService repositoryService,
      RuntimeService runtimeService,
      FormService formService,
      IdentityService identityService,
      InboxTable table) {
    this.table = table;
    this.formService = formService;
    this.identityService = identityService;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
  }

  @Override
  public Page<WorkItem> inbox(Worker worker, InboxFilter filter, Instant now, int page, int size) {
    Optional<InboxTable.Inbox> read = table.inbox(worker, filter, now, page, size);
    if (read.isPresent()) {
      return new PageImpl<>(read.get().items(), PageRequest.of(page, size), read.get().total());
    }
    TaskQuery query = inboxQuery(worker, filter, now);
    long total = query.count();
    List<Task> tasks =
        query.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(page * size, size);
    return new PageImpl<>(toItems(tasks), PageRequest.of(page, size), total);
  }

  private TaskQuery inboxQuery(Worker worker, InboxFilter filter, Instant now) {
    TaskQuery query = offeredTo(taskService.createTaskQuery(), worker);
    if (filter.businessKey() != null) {
      query.processInstanceBusinessKey(filter.businessKey());
    }
    if (filter.businessKeyContains() != null) {
      query.processInstanceBusinessKeyLike("%" + filter.businessKeyContains() + "%");
    }
    if (filter.requester() != null) {
      // the engine knows no requester: only the read model filters on it, and it keeps every
      // variable the inbox's own filters name (InboxTable.COLUMNS)
      throw new IllegalArgumentException(
          "The requester filter cannot be combined with a filter on "
              + filter.variables().keySet());
    }
    filter.variables().forEach(query::processVariableValueEquals);
    if (filter.urgency() != null) {
      byUrgency(query, filter.urgency(), Date.from(now));
    }
    return query;
  }

  @Override
  public List<TaskFacts> facts(
      Worker worker, InboxFilter filter, Instant now, int limit, Set<String> variables) {
    List<InboxTable.Fact> tasks =
        table
            .facts(worker, filter, now, limit)
            .orElseGet(
                () ->
                    inboxQuery(worker, filter, now)
                        .orderByTaskId()
                        .asc()
                        .listPage(0, limit)
                        .stream()
                        .map(
                            task ->
                                new InboxTable.Fact(
                                    task.getId(),
                                    task.getProcessInstanceId(),
                                    instant(task.getDueDate()),
                                    instant(task.getCreateTime())))
                        .toList());
    if (tasks.isEmpty() || variables.isEmpty()) {
      return tasks.stream().map(task -> facts(task, Map.of())).toList();
    }
    // one query for all: the process's variables, then the task's own over them
    Map<String, Map<String, Object>> ofInstance = new HashMap<>();
    Map<String, Map<String, Object>> ofTask = new HashMap<>();
    String[] names = variables.toArray(String[]::new);
    String[] instances =
        tasks.stream()
            .map(InboxTable.Fact::processInstanceId)
            .filter(Objects::nonNull)
            .distinct()
            .toArray(String[]::new);
    if (instances.length > 0) {
      for (VariableInstance variable :
          runtimeService
              .createVariableInstanceQuery()
              .processInstanceIdIn(instances)
              .variableNameIn(names)
              .list()) {
        if (variable.getTaskId() == null
            && variable.getExecutionId().equals(variable.getProcessInstanceId())) {
          ofInstance
              .computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
              .put(variable.getName(), variable.getValue());
        }
      }
    }
    for (VariableInstance variable :
        runtimeService
            .createVariableInstanceQuery()
            .taskIdIn(tasks.stream().map(InboxTable.Fact::taskId).toArray(String[]::new))
            .variableNameIn(names)
            .list()) {
      ofTask
          .computeIfAbsent(variable.getTaskId(), id -> new HashMap<>())
          .put(variable.getName(), variable.getValue());
    }
    return tasks.stream()
        .map(
            task -> {
              Map<String, Object> values =
                  new HashMap<>(ofInstance.getOrDefault(task.processInstanceId(), Map.of()));
              values.putAll(ofTask.getOrDefault(task.taskId(), Map.of()));
              return facts(task, values);
            })
        .toList();
  }

  private static TaskFacts facts(InboxTable.Fact task, Map<String, Object> variables) {
    return new TaskFacts(task.taskId(), task.dueAt(), task.createdAt(), variables);
  }

  @Override
  public List<WorkItem> items(List<String> taskIds) {
    if (taskIds.isEmpty()) {
      return List.of();
    }
    Map<String, WorkItem> byId = new HashMap<>();
    toItems(taskService.createTaskQuery().taskIdIn(taskIds.toArray(String[]::new)).list())
        .forEach(item -> byId.put(item.id(), item));
    return taskIds.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  @Override
  public Optional<WorkItem> find(String taskId) {
    return Optional.ofNullable(taskService.createTaskQuery().taskId(taskId).singleResult())
        .map(task -> toItems(List.of(task)).get(0));
  }

  @Override
  public boolean isOfferedTo(String taskId, Worker worker) {
    return offeredTo(taskService.createTaskQuery().taskId(taskId), worker).count() == 1;
  }

  @Override
  public Optional<String> form(String taskId) {
    try (InputStream form = formService.getDeployedTaskForm(taskId)) {
      return Optional.of(new String(form.readAllBytes(), StandardCharsets.UTF_8));
    } catch (BadUserRequestException noForm) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void claim(String taskId, String userId) {
    try {
      underTaskRules(() -> taskService.claim(taskId, userId));
    } catch (TaskAlreadyClaimedException e) {
      throw new ConflictException(
          409, "Task " + taskId + " is already assigned to " + e.getTaskAssignee() + ".");
    }
  }

  @Override
  public void unclaim(String taskId) {
    underTaskRules(() -> taskService.setAssignee(taskId, null));
  }

  /**
   * Runs a change under the engine's task rules (platform.process.TaskRules): a refusal there is
   * the caller's lack of rights, not a failure.
   */
  private static void underTaskRules(Runnable change) {
    try {
      change.run();
    } catch (ProcessEngineException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof AuthorizationException refused) {
          throw new AccessDeniedException(refused.getMessage(), e);
        }
      }
      throw e;
    }
  }

  @Override
  public List<Colleague> candidates(String taskId) {
    Map<String, Colleague> colleagues = new TreeMap<>();
    for (IdentityLink link : taskService.getIdentityLinksForTask(taskId)) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      UserQuery users = identityService.createUserQuery();
      List<User> found =
          link.getGroupId() != null
              ? users.memberOfGroup(link.getGroupId()).list()
              : users.userId(link.getUserId()).list();
      found.forEach(user -> colleagues.putIfAbsent(user.getId(), colleague(user)));
    }
    return List.copyOf(colleagues.values());
  }

  private static Colleague colleague(User user) {
    String name =
        Stream.of(user.getFirstName(), user.getLastName())
            .filter(part -> part != null && !part.isBlank())
            .collect(Collectors.joining(" "));
    return new Colleague(user.getId(), name.isEmpty() ? user.getId() : name);
  }

  @Override
  public void assign(String taskId, String userId) {
    underTaskRules(() -> taskService.setAssignee(taskId, userId));
  }

  @Override
  public List<WorkItem> assigned(int limit) {
    return table.assigned(limit);
  }

  @Override
  public void complete(String taskId, Completion completion) {
    VariableMap variables = Variables.fromMap(completion.variables());
    completion
        .texts()
        .forEach((name, text) -> variables.putValueTyped(name, Variables.stringValue(text, true)));
    try {
      underTaskRules(() -> taskService.complete(taskId, variables));
    } catch (NullValueException gone) {
      throw new ConflictException(409, "Task " + taskId + " has already been completed.");
    }
  }

  @Override
  public Map<String, String> groups() {
    Map<String, String> groups = new TreeMap<>();
    identityService
        .createGroupQuery()
        .list()
        .forEach(group -> groups.put(group.getId(), group.getName()));
    return groups;
  }

  @Override
  public List<GroupWork> workload(Collection<String> groups, Instant now) {
    Map<String, String> names = groups();
    Map<String, GroupWork> work = table.workload(groups, now);
    return groups.stream()
        .map(
            group -> {
              String name = names.getOrDefault(group, group);
              GroupWork counted = work.get(group);
              return counted == null
                  ? new GroupWork(group, name, 0, 0, null, 0, 0)
                  : new GroupWork(
                      group,
                      name,
                      counted.waiting(),
                      counted.inProgress(),
                      counted.oldestWaitingSince(),
                      counted.atRisk(),
                      counted.breached());
            })
        .toList();
  }

  @Override
  public List<WorkItem> ofGroup(String group, boolean waitingOnly, int limit) {
    return table.ofGroup(group, waitingOnly, limit);
  }

  private static void byUrgency(TaskQuery query, InboxFilter.Urgency urgency, Date now) {
    switch (urgency) {
      case OVERDUE -> query.dueBefore(now);
      case FOLLOW_UP -> query.followUpBefore(now).dueAfter(now);
      case ON_TIME -> query.followUpAfter(now).dueAfter(now);
    }
  }

  private static TaskQuery offeredTo(TaskQuery query, Worker worker) {
    TaskQuery either = query.active().or().taskAssignee(worker.userId());
    if (!worker.groupIds().isEmpty()) {
      either = either.taskCandidateGroupIn(worker.groupIds());
    }
    return either.endOr();
  }

  private List<WorkItem> toItems(List<Task> tasks) {
    Map<String, String> processKeys = new HashMap<>();
    Map<String, String> businessKeys = new HashMap<>();
    Map<String, String> subjectKinds = new HashMap<>();
    Set<String> instanceIds =
        tasks.stream()
            .map(Task::getProcessInstanceId)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    if (!instanceIds.isEmpty()) {
      for (ProcessInstance instance :
          runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list()) {
        businessKeys.put(instance.getId(), instance.getBusinessKey());
      }
      // a process that serves several kinds of case (the approval) says which one by a variable
      for (VariableInstance variable :
          runtimeService
              .createVariableInstanceQuery()
              .processInstanceIdIn(instanceIds.toArray(String[]::new))
              .variableName(SUBJECT_KIND)
              .list()) {
        if (variable.getValue() instanceof String kind
            && variable.getExecutionId().equals(variable.getProcessInstanceId())) {
          subjectKinds.put(variable.getProcessInstanceId(), kind);
        }
      }
    }
    for (Task task : tasks) {
      if (task.getProcessDefinitionId() != null) {
        processKeys.computeIfAbsent(
            task.getProcessDefinitionId(),
            id -> repositoryService.getProcessDefinition(id).getKey());
      }
    }
    return tasks.stream()
        .map(
            task ->
                new WorkItem(
                    task.getId(),
                    task.getName(),
                    task.getTaskDefinitionKey(),
                    processKeys.get(task.getProcessDefinitionId()),
                    task.getProcessInstanceId(),
                    businessKeys.get(task.getProcessInstanceId()),
                    task.getAssignee(),
                    instant(task.getCreateTime()),
                    instant(task.getDueDate()),
                    task.getPriority(),
                    subjectKinds.get(task.getProcessInstanceId())))
        .toList();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
