package it.sportello.worklist;

import java.util.Map;

/**
 * Implemented by each module that owns processes with user tasks: validates a decision before
 * completion.
 */
public interface TaskCompletionHandler {

  boolean supports(WorkItem task);

  /**
   * @throws it.sportello.shared.InvalidRequestException naming each invalid field of {@code form}
   */
  Completion prepare(WorkItem task, Map<String, String> form);

  /**
   * As {@link #prepare(WorkItem, Map)}, for modules whose rules depend on who completes the task
   * (four eyes).
   */
  default Completion prepare(WorkItem task, Worker worker, Map<String, String> form) {
    return prepare(task, form);
  }

  /**
   * Whether the user may take the task at all (claim, hand-over, assignment), beyond being a
   * candidate.
   *
   * @throws it.sportello.shared.ConflictException when they may not, saying why
   */
  default void checkWorker(WorkItem task, String userId) {}
}
