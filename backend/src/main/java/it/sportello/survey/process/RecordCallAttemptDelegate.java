package it.sportello.survey.process;

import static it.sportello.processes.CampaignProcess.Variables.*;

import it.sportello.processes.CampaignProcess.Beans;
import it.sportello.survey.Campaigns;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the outcome of a call (the recipient is the business key); no answer with attempts
 * left: call again after the wait.
 */
@Component(Beans.RECORD_CALL_ATTEMPT)
class RecordCallAttemptDelegate implements JavaDelegate {

  private final Campaigns campaigns;

  RecordCallAttemptDelegate(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int attempt = (Integer) execution.getVariable(ATTEMPT);
    boolean again =
        campaigns.recordCall(
            Long.parseLong(execution.getProcessBusinessKey()),
            (String) execution.getVariable(CALL_OUTCOME),
            attempt,
            (String) execution.getVariable(NOTE));
    execution.setVariable(CALL_AGAIN, again);
    execution.setVariable(ATTEMPT, attempt + 1);
  }
}
