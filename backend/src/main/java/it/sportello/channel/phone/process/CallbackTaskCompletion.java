package it.sportello.channel.phone.process;

import static it.sportello.processes.CallbackProcess.Variables.*;

import it.sportello.processes.CallbackProcess;
import it.sportello.processes.CallbackProcess.Outcomes;
import it.sportello.shared.InvalidRequestException;
import it.sportello.worklist.Completion;
import it.sportello.worklist.TaskCompletionHandler;
import it.sportello.worklist.WorkItem;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Completes the call-back task from the worklist (the manual outcome): {@code callbackOutcome} is
 * REACHED or NOT_REACHED, {@code note} optional.
 */
@Component
class CallbackTaskCompletion implements TaskCompletionHandler {

  private static final Set<String> OUTCOMES = Set.of(Outcomes.REACHED, Outcomes.NOT_REACHED);

  @Override
  public boolean supports(WorkItem task) {
    return CallbackProcess.PROCESS_KEY.equals(task.processKey())
        && CallbackProcess.Elements.RECORD_OUTCOME.equals(task.taskKey());
  }

  @Override
  public Completion prepare(WorkItem task, Map<String, String> form) {
    String outcome = form.get(CALLBACK_OUTCOME);
    if (outcome == null) {
      outcome = form.get("decision");
    }
    if (outcome == null || !OUTCOMES.contains(outcome)) {
      throw new InvalidRequestException(CALLBACK_OUTCOME, "must be one of " + OUTCOMES);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(CALLBACK_OUTCOME, outcome);
    variables.put(RECORDED_BY, task.assignee());
    Map<String, String> texts = new HashMap<>();
    if (form.get(NOTE) != null && !form.get(NOTE).isBlank()) {
      texts.put(NOTE, form.get(NOTE));
    }
    return new Completion(variables, texts);
  }
}
