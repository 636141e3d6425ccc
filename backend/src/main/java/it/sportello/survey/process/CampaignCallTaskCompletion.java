package it.sportello.survey.process;

import static it.sportello.processes.CampaignProcess.Variables.*;

import it.sportello.processes.CampaignProcess;
import it.sportello.processes.CampaignProcess.CallOutcomes;
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
 * Completes a campaign's call from the worklist: {@code callOutcome} INTERVIEWED, REFUSED,
 * NO_ANSWER or WRONG_NUMBER, {@code note} optional.
 */
@Component
class CampaignCallTaskCompletion implements TaskCompletionHandler {

  private static final Set<String> OUTCOMES =
      Set.of(
          CallOutcomes.INTERVIEWED,
          CallOutcomes.REFUSED,
          CallOutcomes.NO_ANSWER,
          CallOutcomes.WRONG_NUMBER);
  private static final int NOTE_MAX = 1000;

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
    String outcome = form.get(CALL_OUTCOME);
    if (outcome == null || !OUTCOMES.contains(outcome)) {
      throw new InvalidRequestException(CALL_OUTCOME, "must be one of " + OUTCOMES);
    }
    String note = form.get(NOTE);
    if (note != null && note.length() > NOTE_MAX) {
      throw new InvalidRequestException(NOTE, "must be at most " + NOTE_MAX + " characters");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(CALL_OUTCOME, outcome);
    Map<String, String> texts = new HashMap<>();
    if (note != null && !note.isBlank()) {
      texts.put(NOTE, note.strip());
    }
    return new Completion(variables, texts);
  }
}
