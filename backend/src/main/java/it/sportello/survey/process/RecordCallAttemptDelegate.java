package it.sportello.survey.process;

import static it.sportello.processes.CampaignProcess.Variables.*;

import it.sportello.platform.process.TaskVariables;
import it.sportello.processes.CampaignProcess.Beans;
import it.sportello.survey.Campaigns;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the outcome of a call (the recipient is the business key); no answer with attempts left:
 * call again after the wait.
 */
@Component(Beans.RECORD_CALL_ATTEMPT)
class RecordCallAttemptDelegate implements JavaDelegate {

  private final Campaigns campaigns;

  RecordCallAttemptDelegate(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int attempt = TaskVariables.number(execution, ATTEMPT).intValue();
    boolean again =
        campaigns.recordCall(
            Long.parseLong(execution.getProcessBusinessKey()),
            TaskVariables.text(execution, CALL_OUTCOME),
            attempt,
            TaskVariables.text(execution, NOTE));
    execution.setVariable(CALL_AGAIN, again);
    execution.setVariable(ATTEMPT, attempt + 1);
  }
}
