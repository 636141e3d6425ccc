package it.sportello.survey.process;

import static it.sportello.processes.CampaignProcess.Variables.*;

import it.sportello.processes.CampaignProcess;
import it.sportello.processes.CampaignProcess.CallOutcomes;
import it.sportello.worklist.Completion;
import it.sportello.worklist.TaskCompletionHandler;
import it.sportello.worklist.WorkItem;
import it.sportello.worklist.Worker;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Completes a campaign's call from the worklist: {@code callOutcome} INTERVIEWED, REFUSED,
 * NO_ANSWER or WRONG_NUMBER, {@code note} optional.
 */
@Component
class CampaignCallTaskCompletion implements TaskCompletionHandler {

  private static final OutcomeWithNote FORM =
      new OutcomeWithNote(
          CALL_OUTCOME,
          Set.of(
              CallOutcomes.INTERVIEWED,
              CallOutcomes.REFUSED,
              CallOutcomes.NO_ANSWER,
              CallOutcomes.WRONG_NUMBER),
          NOTE,
          1000);

  @Override
  public boolean supports(WorkItem task) {
    return CampaignProcess.CALL_PROCESS_KEY.equals(task.processKey())
        && CampaignProcess.Elements.CALL_RECIPIENT.equals(task.taskKey());
  }

  @Override
  public Completion prepare(WorkItem task, Map<String, String> form) {
    return prepare(task, null, form);
  }

  @Override
  public Completion prepare(WorkItem task, Worker worker, Map<String, String> form) {
    return FORM.read(form, Map.of());
  }
}
