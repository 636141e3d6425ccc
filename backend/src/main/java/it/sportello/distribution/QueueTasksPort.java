package it.sportello.distribution;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The engine's user tasks as work distribution needs them. Implemented in {@code process}. */
public interface QueueTasksPort {

  /**
   * The unassigned active tasks offered to the queue's group, by deadline, at most {@code limit}.
   */
  List<QueueItem> waiting(String queue, int limit);

  /** An open task with its facts (assigned or not). */
  java.util.Optional<QueueItem> find(String taskId);

  /** Whether the task is still open and nobody has taken it. */
  boolean isWaiting(String taskId);

  /** The members of the queue's group. */
  List<String> members(String queue);

  /** How many active tasks each operator holds (their offline work in progress). */
  Map<String, Integer> held(Collection<String> operators);
}
