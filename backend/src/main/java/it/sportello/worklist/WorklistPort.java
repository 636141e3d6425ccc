package it.sportello.worklist;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;

/**
 * The task service of the process engine, as the worklist needs it. Implemented in {@code
 * worklist.process}.
 */
public interface WorklistPort {

  /** Tasks assigned to the worker or offered to one of their groups, by due date. */
  Page<WorkItem> inbox(Worker worker, InboxFilter filter, Instant now, int page, int size);

  /**
   * Every task of the inbox (as {@link #inbox}, unpaged), at most {@code limit}, with the values of
   * these variables (the task's own, else its process's).
   */
  List<TaskFacts> facts(
      Worker worker, InboxFilter filter, Instant now, int limit, java.util.Set<String> variables);

  /** These tasks as work items, in the order given (those no longer open are left out). */
  List<WorkItem> items(List<String> taskIds);

  Optional<WorkItem> find(String taskId);

  /** Whether the task is assigned to the worker or, unassigned, offered to one of their groups. */
  boolean isOfferedTo(String taskId, Worker worker);

  /** The form-js schema (JSON) of the task's Camunda Form, if it has one. */
  Optional<String> form(String taskId);

  void claim(String taskId, String userId);

  void unclaim(String taskId);

  /** The workers who may take the task: members of its candidate groups and candidate users. */
  List<Colleague> candidates(String taskId);

  /** Hands the task to another worker (a supervisor's reassignment). */
  void assign(String taskId, String userId);

  /** Tasks that someone has taken, by due date, at most {@code limit}. */
  List<WorkItem> assigned(int limit);

  void complete(String taskId, Completion completion);

  /** The groups of the identity service, by id, with their names. */
  java.util.Map<String, String> groups();

  /** The open tasks of each group, measured now; a group without tasks has zeros. */
  List<GroupWork> workload(java.util.Collection<String> groups, Instant now);

  /** Tasks offered to the group by due date: only the waiting ones, or the taken ones too. */
  List<WorkItem> ofGroup(String group, boolean waitingOnly, int limit);
}
