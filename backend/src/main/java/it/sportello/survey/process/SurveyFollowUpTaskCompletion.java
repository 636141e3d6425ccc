package it.sportello.survey.process;

import static it.sportello.processes.SatisfactionSurveyProcess.Variables.*;

import it.sportello.processes.SatisfactionSurveyProcess;
import it.sportello.processes.SatisfactionSurveyProcess.Outcomes;
import it.sportello.shared.InvalidRequestException;
import it.sportello.worklist.Completion;
import it.sportello.worklist.TaskCompletionHandler;
import it.sportello.worklist.WorkItem;
import it.sportello.worklist.Worker;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Completes the follow-up of a low score from the worklist: {@code followUpOutcome} CONTACTED or
 * NO_ACTION, {@code note} optional; who completed it is recorded.
 */
@Component
class SurveyFollowUpTaskCompletion implements TaskCompletionHandler {

  private static final Set<String> OUTCOMES = Set.of(Outcomes.CONTACTED, Outcomes.NO_ACTION);
  private static final int NOTE_MAX = 4000;

  @Override
  public boolean supports(WorkItem task) {
    return SatisfactionSurveyProcess.PROCESS_KEY.equals(task.processKey())
        && SatisfactionSurveyProcess.Elements.FOLLOW_UP.equals(task.taskKey());
  }

  @Override
  public Completion prepare(WorkItem task, Map<String, String> form) {
    return prepare(task, null, form);
  }

  @Override
  public Completion prepare(WorkItem task, Worker worker, Map<String, String> form) {
    String outcome = form.get(FOLLOW_UP_OUTCOME);
    if (outcome == null || !OUTCOMES.contains(outcome)) {
      throw new InvalidRequestException(FOLLOW_UP_OUTCOME, "must be one of " + OUTCOMES);
    }
    String note = form.get(NOTE);
    if (note != null && note.length() > NOTE_MAX) {
      throw new InvalidRequestException(NOTE, "must be at most " + NOTE_MAX + " characters");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(FOLLOW_UP_OUTCOME, outcome);
    variables.put(FOLLOWED_UP_BY, worker != null ? worker.userId() : task.assignee());
    Map<String, String> texts = new HashMap<>();
    if (note != null && !note.isBlank()) {
      texts.put(NOTE, note.strip());
    }
    return new Completion(variables, texts);
  }
}
