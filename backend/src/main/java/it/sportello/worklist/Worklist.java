package it.sportello.worklist;

import it.sportello.notification.AppNotificationKind;
import it.sportello.notification.InAppNotifications;
import it.sportello.notification.Recipient;
import it.sportello.processes.TicketProcess;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The worker's inbox, claiming and completing tasks; completion goes through the task's owning
 * module.
 */
@Service
public class Worklist {

  private final WorklistPort port;
  private final List<TaskCompletionHandler> handlers;
  private final Clock clock;
  private final InAppNotifications notifications;
  private final List<InboxOrder> orders;

  /** The process variable that names a ticket task's queue (the inbox's queue filter). */
  static final String QUEUE_VARIABLE = TicketProcess.Variables.QUEUE;

  /** The most tasks of one queue an inbox orders by their policy rather than by deadline. */
  static final int RANKED_AT_MOST = 2_000;

  Worklist(
      WorklistPort port,
      List<TaskCompletionHandler> handlers,
      Clock clock,
      InAppNotifications notifications,
      List<InboxOrder> orders) {
    this.port = port;
    this.handlers = handlers;
    this.clock = clock;
    this.notifications = notifications;
    this.orders = orders;
  }

  /**
   * The worker's tasks by due date, urgency measured now. Narrowed to one queue whose routing
   * policy orders its tasks for each operator ({@link InboxOrder}, ADR 0032), in that order
   * instead, as long as the queue's tasks in the view are at most {@value #RANKED_AT_MOST}; beyond,
   * by due date (the engine pages those).
   */
  public Page<WorkItem> inbox(Worker worker, InboxFilter filter, int page, int size) {
    Instant now = clock.instant();
    Optional<InboxOrder.Ranking> ranking =
        filter.variables().get(QUEUE_VARIABLE) instanceof String queue
            ? orders.stream()
                .map(order -> order.of(queue, worker.userId()))
                .flatMap(Optional::stream)
                .findFirst()
            : Optional.empty();
    if (ranking.isPresent()) {
      List<TaskFacts> all =
          port.facts(worker, filter, now, RANKED_AT_MOST + 1, ranking.get().variables());
      if (all.size() <= RANKED_AT_MOST) {
        return ranked(all, ranking.get(), page, size);
      }
    }
    return port.inbox(worker, filter, now, page, size);
  }

  private Page<WorkItem> ranked(
      List<TaskFacts> all, InboxOrder.Ranking ranking, int page, int size) {
    Comparator<Instant> earliest = Comparator.nullsLast(Comparator.naturalOrder());
    List<String> ordered =
        all.stream()
            .sorted(
                Comparator.comparingInt(
                        (TaskFacts task) -> -ranking.score().applyAsInt(task.variables()))
                    .thenComparing(TaskFacts::dueAt, earliest)
                    .thenComparing(TaskFacts::createdAt, earliest)
                    .thenComparing(TaskFacts::taskId))
            .map(TaskFacts::taskId)
            .toList();
    int from = (int) Math.min((long) page * size, ordered.size());
    int to = Math.min(from + size, ordered.size());
    return new PageImpl<>(
        port.items(ordered.subList(from, to)), PageRequest.of(page, size), ordered.size());
  }

  /** A task the worker may see: assigned to them or offered to one of their groups. */
  public WorkItem get(String taskId, Worker worker) {
    WorkItem task = port.find(taskId).orElseThrow(() -> notFound(taskId));
    if (!port.isOfferedTo(taskId, worker) && !worker.userId().equals(task.assignee())) {
      throw new AccessDeniedException("Task " + taskId + " is not offered to you.");
    }
    return task;
  }

  /** The task's form (form-js JSON). */
  public String form(String taskId, Worker worker) {
    get(taskId, worker);
    return port.form(taskId)
        .orElseThrow(() -> new NotFoundException("Task " + taskId + " has no form"));
  }

  @Transactional
  public WorkItem claim(String taskId, Worker worker) {
    WorkItem task = offered(taskId, worker);
    if (task.assignee() == null) {
      checkWorker(task, worker.userId());
      port.claim(taskId, worker.userId());
    }
    return port.find(taskId).orElseThrow();
  }

  @Transactional
  public void unclaim(String taskId, Worker worker) {
    WorkItem task = offered(taskId, worker);
    if (task.assignee() != null) {
      port.unclaim(taskId);
    }
  }

  /** Who may take the task, for a supervisor. */
  public List<Colleague> candidates(String taskId) {
    port.find(taskId).orElseThrow(() -> notFound(taskId));
    return port.candidates(taskId);
  }

  /** Who may take the task, for a worker who can see it. */
  public List<Colleague> candidates(String taskId, Worker worker) {
    get(taskId, worker);
    return port.candidates(taskId);
  }

  /** A supervisor hands a task to a worker who may take it. */
  @Transactional
  public void assign(String taskId, String userId) {
    assign(taskId, userId, null);
  }

  /** A supervisor ({@code by}) hands a task to a worker who may take it, who is told so. */
  @Transactional
  public void assign(String taskId, String userId, String by) {
    WorkItem task = port.find(taskId).orElseThrow(() -> notFound(taskId));
    requireCandidate(taskId, userId);
    checkWorker(task, userId);
    port.assign(taskId, userId);
    tellAssignee(task, userId, by);
  }

  /** A worker hands a task they hold to a colleague who may take it. */
  @Transactional
  public void handOver(String taskId, Worker worker, String colleague) {
    WorkItem task = port.find(taskId).orElseThrow(() -> notFound(taskId));
    if (!worker.userId().equals(task.assignee())) {
      throw new ConflictException(
          409, "Only the worker holding task " + taskId + " can hand it over.");
    }
    requireCandidate(taskId, colleague);
    checkWorker(task, colleague);
    port.assign(taskId, colleague);
    tellAssignee(task, colleague, worker.userId());
  }

  /** The new assignee finds it in their bell (not when they took it themselves). */
  private void tellAssignee(WorkItem task, String assignee, String by) {
    if (task.businessKey() == null || assignee.equals(by)) {
      return;
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("taskKey", String.valueOf(task.taskKey()));
    params.put("processKey", String.valueOf(task.processKey()));
    if (by != null) {
      params.put("by", by);
    }
    notifications.publish(
        "ASSIGNED:" + task.id() + ":" + assignee,
        AppNotificationKind.ASSIGNED,
        task.businessKey(),
        params,
        List.of(Recipient.user(assignee)));
  }

  private void requireCandidate(String taskId, String userId) {
    if (port.candidates(taskId).stream().noneMatch(c -> c.userId().equals(userId))) {
      throw new InvalidRequestException(
          "userId", "'" + userId + "' is not a member of the groups this task is offered to");
    }
  }

  /** The groups of the identity service, by id, with their names. */
  public Map<String, String> groups() {
    return port.groups();
  }

  /** Open tasks per group (waiting, in progress, oldest wait, at risk, breached), for the board. */
  public List<GroupWork> workload(java.util.Collection<String> groups) {
    return port.workload(groups, clock.instant());
  }

  /** The tasks offered to a group, for the board: waiting only, or the taken ones too. */
  public List<WorkItem> ofGroup(String group, boolean waitingOnly, int limit) {
    return port.ofGroup(group, waitingOnly, limit);
  }

  /** Tasks someone has taken, for the supervisor's view. */
  public List<WorkItem> assigned(int limit) {
    return port.assigned(limit);
  }

  /**
   * Validates the decision with the owning module, claims the task if nobody had, and completes it.
   */
  @Transactional
  public void complete(String taskId, Worker worker, Map<String, String> form) {
    WorkItem task = offered(taskId, worker);
    TaskCompletionHandler handler =
        handlers.stream()
            .filter(candidate -> candidate.supports(task))
            .findFirst()
            .orElseThrow(
                () ->
                    new ConflictException(
                        409, "Task " + taskId + " cannot be completed through this API."));
    Completion completion = handler.prepare(task, worker, form);
    if (task.assignee() == null) {
      port.claim(taskId, worker.userId());
    }
    port.complete(taskId, completion);
  }

  private void checkWorker(WorkItem task, String userId) {
    handlers.stream()
        .filter(handler -> handler.supports(task))
        .findFirst()
        .ifPresent(handler -> handler.checkWorker(task, userId));
  }

  private WorkItem offered(String taskId, Worker worker) {
    WorkItem task =
        port.find(taskId)
            .orElseThrow(() -> new NotFoundException("No open task with id " + taskId));
    if (!port.isOfferedTo(taskId, worker)) {
      if (task.assignee() != null) {
        throw new ConflictException(
            409, "Task " + taskId + " is assigned to " + task.assignee() + ".");
      }
      throw new AccessDeniedException("Task " + taskId + " is not offered to you.");
    }
    return task;
  }

  private static NotFoundException notFound(String taskId) {
    return new NotFoundException("No open task with id " + taskId);
  }
}
