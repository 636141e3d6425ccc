package it.sportello.processes;

import static it.sportello.processes.CampaignProcess.Variables.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import it.sportello.processes.CampaignProcess.Beans;
import it.sportello.processes.CampaignProcess.CallOutcomes;
import it.sportello.processes.CampaignProcess.Elements;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The campaign worked in waves (the recipients are in our table, the waves are jobs): waves until
 * every recipient is worked, pause and resume, stop mid-way, close at the end date; and the CATI
 * call of one recipient: two attempts without an answer end as not found, a refusal ends at once.
 */
@Deployment(
    resources = {
      "bpmn/survey/campaign.bpmn",
      "bpmn/survey/campaign-call.bpmn",
      "forms/survey/campaign-call.form"
    })
class CampaignProcessTest {

  @RegisterExtension static ProcessEngineExtension extension = InMemoryEngine.extension();

  private final List<String> calls = new ArrayList<>();

  /** How many waves the mocked wave delegate needs before every recipient is worked. */
  private int wavesNeeded;

  private int waves;

  @BeforeEach
  void setUp() {
    init(extension.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T09:00:00Z")));
    Mocks.register(Beans.PREPARE_TARGETS, (JavaDelegate) execution -> calls.add("prepare"));
    Mocks.register(
        Beans.SEND_WAVE,
        (JavaDelegate)
            execution -> {
              waves++;
              calls.add("wave" + waves);
              execution.setVariable(ALL_WORKED, waves >= wavesNeeded);
            });
    Mocks.register(Beans.CLOSE_CAMPAIGN, (JavaDelegate) execution -> calls.add("close"));
    Mocks.register(
        Beans.RECORD_CALL_ATTEMPT,
        (JavaDelegate)
            execution -> {
              String outcome = (String) execution.getVariable(CALL_OUTCOME);
              int attempt = (Integer) execution.getVariable(ATTEMPT);
              int max = (Integer) execution.getVariable(MAX_ATTEMPTS);
              boolean again = CallOutcomes.NO_ANSWER.equals(outcome) && attempt < max;
              calls.add(
                  "attempt"
                      + attempt
                      + ":"
                      + outcome
                      + (again ? "" : attempt >= max ? ":final" : ""));
              execution.setVariable(CALL_AGAIN, again);
              execution.setVariable(ATTEMPT, attempt + 1);
            });
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void wavesRunUntilEveryRecipientIsWorkedRemindersIncludedThenTheCampaignClosesAtItsEndDate() {
    wavesNeeded = 3; // e.g. CAWI: two waves of invitations, one of reminders (bounces are rows)
    ProcessInstance campaign = start("1");
    execute(job(Elements.PREPARE_TARGET_LIST, campaign));
    execute(job(Elements.SEND_WAVE, campaign));

    assertThat(campaign).isWaitingAt(Elements.BETWEEN_WAVES);
    execute(job(Elements.NEXT_WAVE_DUE, campaign));
    execute(job(Elements.SEND_WAVE, campaign));
    execute(job(Elements.NEXT_WAVE_DUE, campaign));
    execute(job(Elements.SEND_WAVE, campaign));

    assertThat(campaign).isWaitingAt(Elements.UNTIL_END);
    Job end = job(Elements.END_DATE_REACHED, campaign);
    Assertions.assertThat(end.getDuedate())
        .isEqualTo(Date.from(Instant.parse("2026-12-31T23:00:00Z")));
    execute(end);
    execute(job(Elements.CLOSE_CAMPAIGN, campaign));

    assertThat(campaign).isEnded().hasPassed(Elements.CAMPAIGN_CLOSED);
    Assertions.assertThat(calls).containsExactly("prepare", "wave1", "wave2", "wave3", "close");
  }

  @Test
  void aPausedCampaignSendsNothingUntilResumed() {
    wavesNeeded = 2;
    ProcessInstance campaign = start("2");
    execute(job(Elements.PREPARE_TARGET_LIST, campaign));
    execute(job(Elements.SEND_WAVE, campaign));
    correlate(CampaignProcess.MESSAGE_PAUSED, "2");

    assertThat(campaign).isWaitingAt(Elements.AWAIT_RESUME);
    Assertions.assertThat(job(Elements.NEXT_WAVE_DUE, campaign)).isNull();
    correlate(CampaignProcess.MESSAGE_RESUMED, "2");
    execute(job(Elements.SEND_WAVE, campaign));

    assertThat(campaign).isWaitingAt(Elements.UNTIL_END);
    Assertions.assertThat(calls).containsExactly("prepare", "wave1", "wave2");
  }

  @Test
  void aCampaignStoppedMidWayClosesWithoutAnotherWave() {
    wavesNeeded = 10;
    ProcessInstance campaign = start("3");
    execute(job(Elements.PREPARE_TARGET_LIST, campaign));
    execute(job(Elements.SEND_WAVE, campaign));
    execute(job(Elements.NEXT_WAVE_DUE, campaign));
    execute(job(Elements.SEND_WAVE, campaign));
    correlate(CampaignProcess.MESSAGE_STOPPED, "3");

    execute(job(Elements.CLOSE_CAMPAIGN, campaign));
    assertThat(campaign).isEnded().hasPassed(Elements.CAMPAIGN_CLOSED);
    Assertions.assertThat(calls).containsExactly("prepare", "wave1", "wave2", "close");
  }

  @Test
  void aCampaignStoppedWhilePausedCloses() {
    wavesNeeded = 10;
    ProcessInstance campaign = start("4");
    execute(job(Elements.PREPARE_TARGET_LIST, campaign));
    execute(job(Elements.SEND_WAVE, campaign));
    correlate(CampaignProcess.MESSAGE_PAUSED, "4");
    correlate(CampaignProcess.MESSAGE_STOPPED, "4");

    execute(job(Elements.CLOSE_CAMPAIGN, campaign));
    assertThat(campaign).isEnded();
    Assertions.assertThat(calls).containsExactly("prepare", "wave1", "close");
  }

  @Test
  void twoCallsWithoutAnAnswerEndAsNotFound() {
    ProcessInstance call = startCall("101", 2);
    Task first = task(call);
    assertThat(first).hasCandidateGroup("level1").hasCandidateGroup("level2");
    complete(first, withVariables(CALL_OUTCOME, CallOutcomes.NO_ANSWER));

    assertThat(call).isWaitingAt(Elements.RETRY_DUE);
    execute(job(Elements.RETRY_DUE, call));
    complete(task(call), withVariables(CALL_OUTCOME, CallOutcomes.NO_ANSWER));

    assertThat(call).isEnded().hasPassed(Elements.CALL_CLOSED);
    Assertions.assertThat(calls).containsExactly("attempt1:NO_ANSWER", "attempt2:NO_ANSWER:final");
  }

  @Test
  void aRefusalEndsTheCallAtOnce() {
    ProcessInstance call = startCall("102", 2);
    complete(task(call), withVariables(CALL_OUTCOME, CallOutcomes.REFUSED));

    assertThat(call).isEnded().hasPassed(Elements.CALL_CLOSED).hasNotPassed(Elements.RETRY_DUE);
    Assertions.assertThat(calls).containsExactly("attempt1:REFUSED");
  }

  @Test
  void theConstantsNameElementsOfTheModels() throws IllegalAccessException {
    List<String> ids = new ArrayList<>();
    List<String> beans = new ArrayList<>();
    for (String key : List.of(CampaignProcess.PROCESS_KEY, CampaignProcess.CALL_PROCESS_KEY)) {
      var file = ProcessModels.bpmnFileOfProcess(key);
      ProcessModels.read(file).getModelElementsByType(FlowElement.class).stream()
          .map(FlowElement::getId)
          .forEach(ids::add);
      ProcessModels.delegateExpressions(file).stream()
          .map(ProcessModels::beanName)
          .forEach(beans::add);
    }
    for (Field field : Elements.class.getFields()) {
      Assertions.assertThat(ids)
          .as("Elements.%s", field.getName())
          .contains((String) field.get(null));
    }
    List<String> declared = new ArrayList<>();
    for (Field field : Beans.class.getFields()) {
      declared.add((String) field.get(null));
    }
    Assertions.assertThat(beans).containsExactlyInAnyOrderElementsOf(declared);
  }

  private ProcessInstance start(String campaignId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CAMPAIGN_ID, Long.valueOf(campaignId));
    variables.put(WAVE_INTERVAL, "PT1M");
    variables.put(ENDS_AT, Date.from(Instant.parse("2026-12-31T23:00:00Z")));
    return runtimeService()
        .startProcessInstanceByKey(CampaignProcess.PROCESS_KEY, campaignId, variables);
  }

  private ProcessInstance startCall(String recipientId, int maxAttempts) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Map<String, Object> variables = new HashMap<>();
    variables.put(RECIPIENT_ID, Long.valueOf(recipientId));
    variables.put(CAMPAIGN_ID, 1L);
    variables.put(ATTEMPT, 1);
    variables.put(MAX_ATTEMPTS, maxAttempts);
    variables.put(RETRY_AFTER, "PT4H");
    variables.put(CALL_DUE_AT, Date.from(now.plus(2, ChronoUnit.DAYS)));
    variables.put(CALL_FOLLOW_UP_AT, Date.from(now.plus(1, ChronoUnit.DAYS)));
    return runtimeService()
        .startProcessInstanceByKey(CampaignProcess.CALL_PROCESS_KEY, recipientId, variables);
  }

  private static void correlate(String message, String campaignId) {
    runtimeService()
        .createMessageCorrelation(message)
        .processInstanceBusinessKey(campaignId)
        .correlate();
  }

  private static Job job(String activityId, ProcessInstance instance) {
    return managementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .activityId(activityId)
        .singleResult();
  }
}
