package it.sportello.survey.process;

import static it.sportello.processes.CampaignProcess.Variables.ALL_WORKED;

import it.sportello.processes.CampaignProcess.Beans;
import it.sportello.survey.Campaigns;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One wave of the campaign (the business key); says whether every recipient is worked. */
@Component(Beans.SEND_WAVE)
class SendCampaignWaveDelegate implements JavaDelegate {

  private final Campaigns campaigns;

  SendCampaignWaveDelegate(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Campaigns.Wave wave = campaigns.wave(Long.parseLong(execution.getProcessBusinessKey()));
    execution.setVariable(ALL_WORKED, wave.allWorked());
  }
}
