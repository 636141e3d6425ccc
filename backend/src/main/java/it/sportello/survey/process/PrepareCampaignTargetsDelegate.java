package it.sportello.survey.process;

import it.sportello.processes.CampaignProcess.Beans;
import it.sportello.survey.Campaigns;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Before the first wave: the recipients who opted out are set aside. */
@Component(Beans.PREPARE_TARGETS)
class PrepareCampaignTargetsDelegate implements JavaDelegate {

  private final Campaigns campaigns;

  PrepareCampaignTargetsDelegate(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    campaigns.prepare(Long.parseLong(execution.getProcessBusinessKey()));
  }
}
