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
}
