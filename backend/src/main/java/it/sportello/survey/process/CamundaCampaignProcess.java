package it.sportello.survey.process;

import static it.sportello.processes.CampaignProcess.Variables.*;

import it.sportello.processes.CampaignProcess;
import it.sportello.survey.CampaignProcessPort;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Starts {@code campaign} (business key: the campaign's id) and {@code campaign-call} (business
 * key: the recipient's id); tells the campaign of a pause, resume or stop (it hears them while it
 * waits between waves; a wave running meanwhile reads the campaign's status in our table).
 */
@Component
class CamundaCampaignProcess implements CampaignProcessPort {

  private final RuntimeService runtimeService;

  CamundaCampaignProcess(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void start(long campaignId, Instant endsAt, Duration waveInterval) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CAMPAIGN_ID, campaignId);
    variables.put(ENDS_AT, Date.from(endsAt));
    variables.put(WAVE_INTERVAL, waveInterval.toString());
    runtimeService.startProcessInstanceByKey(
        CampaignProcess.PROCESS_KEY, String.valueOf(campaignId), variables);
  }

  @Override
  public void paused(long campaignId) {
    tell(CampaignProcess.MESSAGE_PAUSED, campaignId);
  }

  @Override
  public void resumed(long campaignId) {
    tell(CampaignProcess.MESSAGE_RESUMED, campaignId);
  }

  @Override
  public void stopped(long campaignId) {
    tell(CampaignProcess.MESSAGE_STOPPED, campaignId);
  }

  private void tell(String message, long campaignId) {
    // correlateAll: no error when the process is running a wave right now (the wave then reads
    // the status from our table) or waits elsewhere
    runtimeService
        .createMessageCorrelation(message)
        .processInstanceBusinessKey(String.valueOf(campaignId))
        .correlateAll();
  }

  @Override
  public void call(Call call) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(RECIPIENT_ID, call.recipientId());
    variables.put(CAMPAIGN_ID, call.campaignId());
    variables.put(ATTEMPT, 1);
    variables.put(MAX_ATTEMPTS, call.maxAttempts());
    variables.put(RETRY_AFTER, call.retryAfter().toString());
    variables.put(CALL_DUE_AT, Date.from(call.dueAt()));
    variables.put(CALL_FOLLOW_UP_AT, Date.from(call.followUpAt()));
    variables.put(CAMPAIGN_NAME, call.campaignName());
    variables.put(RECIPIENT_NAME, call.recipientName());
    variables.put(PHONE, call.phone());
    variables.put(CALL_SCRIPT, call.script());
    variables.put(QUESTIONNAIRE_LINK, call.questionnaireLink());
    runtimeService.startProcessInstanceByKey(
        CampaignProcess.CALL_PROCESS_KEY, String.valueOf(call.recipientId()), variables);
  }

  @Override
  public void cancelCalls(long campaignId) {
    var open =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(CampaignProcess.CALL_PROCESS_KEY)
            .variableValueEquals(CAMPAIGN_ID, campaignId)
            .list();
    for (var instance : open) {
      runtimeService.deleteProcessInstance(instance.getId(), "campaign closed", true, true);
    }
  }
}
