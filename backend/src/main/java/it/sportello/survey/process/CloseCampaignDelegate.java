package it.sportello.survey.process;

import it.sportello.processes.CampaignProcess.Beans;
import it.sportello.survey.Campaigns;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the campaign (the business key): end date reached or stopped. */
@Component(Beans.CLOSE_CAMPAIGN)
class CloseCampaignDelegate implements JavaDelegate {

  private final Campaigns campaigns;

  CloseCampaignDelegate(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    campaigns.close(Long.parseLong(execution.getProcessBusinessKey()));
  }
}
