package it.sportello.worklist;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * An order of one queue's tasks other than by deadline, for the operator viewing them: a routing
 * policy's (work distribution's SKILLS in PULL mode, ADR 0032). Supplied by the module that owns
 * the policies; the inbox applies it when it is narrowed to that queue.
 */
public interface InboxOrder {

  /** The order of the queue's tasks for this operator, if its policy has one of its own. */
  Optional<Ranking> of(String queue, String operator);

  /**
   * Scores a task from some of its variables (process or task variables, by name): a higher score
   * first; equal scores by deadline, then creation.
   */
  record Ranking(Set<String> variables, ToIntFunction<Map<String, Object>> score) {

    public Ranking {
      variables = Set.copyOf(variables);
    }
  }
}
