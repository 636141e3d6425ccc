package it.sportello.survey.process;

import static it.sportello.processes.SatisfactionSurveyProcess.Variables.*;

import it.sportello.processes.SatisfactionSurveyProcess;
import it.sportello.processes.SatisfactionSurveyProcess.Outcomes;
import it.sportello.worklist.Completion;
import it.sportello.worklist.TaskCompletionHandler;
import it.sportello.worklist.WorkItem;
import it.sportello.worklist.Worker;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Completes the follow-up of a low score from the worklist: {@code followUpOutcome} CONTACTED or
 * NO_ACTION, {@code note} optional; who completed it is recorded.
 */
@Component
class SurveyFollowUpTaskCompletion implements TaskCompletionHandler {

  private static final OutcomeWithNote FORM =
      new OutcomeWithNote(
          FOLLOW_UP_OUTCOME, Set.of(Outcomes.CONTACTED, Outcomes.NO_ACTION), NOTE, 4000);

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
    // who completed it may be unknown: a map that takes a null value
    return FORM.read(
        form,
        Collections.singletonMap(
            FOLLOWED_UP_BY, worker != null ? worker.userId() : task.assignee()));
  }
}
