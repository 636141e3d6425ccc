package it.sportello.processes;

import static it.sportello.processes.SatisfactionSurveyProcess.Variables.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import it.sportello.processes.SatisfactionSurveyProcess.Beans;
import it.sportello.processes.SatisfactionSurveyProcess.Elements;
import it.sportello.processes.SatisfactionSurveyProcess.Outcomes;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
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
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The satisfaction survey after a contact: the invitation is sent (a job, retried), the answer
 * arrives as a message; a low score opens the supervisors' follow-up; without an answer the
 * invitation expires after the period; an opted-out requester is not invited at all.
 */
@Deployment(
    resources = {"bpmn/survey/satisfaction-survey.bpmn", "forms/survey/survey-follow-up.form"})
class SatisfactionSurveyProcessTest {

  @RegisterExtension static ProcessEngineExtension extension = InMemoryEngine.extension();

  private final List<String> calls = new ArrayList<>();
  private boolean optedOut;

  @BeforeEach
  void setUp() {
    init(extension.getProcessEngine());
    Mocks.register(
        Beans.SEND_INVITATION,
        (JavaDelegate)
            execution -> {
              calls.add(Beans.SEND_INVITATION + ":" + execution.getVariable(INVITATION_ID));
              execution.setVariable(INVITATION_SENT, !optedOut);
            });
    Mocks.register(
        Beans.EXPIRE_INVITATION, (JavaDelegate) execution -> calls.add(Beans.EXPIRE_INVITATION));
    Mocks.register(
        Beans.RECORD_FOLLOW_UP,
        (JavaDelegate)
            execution ->
                calls.add(Beans.RECORD_FOLLOW_UP + ":" + execution.getVariable(FOLLOW_UP_OUTCOME)));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void theInvitationIsSentAndAGoodAnswerEndsTheSurvey() {
    ProcessInstance survey = start("RS-2026-000200", 11L);
    assertThat(survey).isWaitingAt(Elements.SEND_INVITATION);
    execute(job(Elements.SEND_INVITATION, survey));

    assertThat(survey).isWaitingAt(Elements.AWAIT_ANSWER);
    answer(11L, false);

    assertThat(survey).isEnded().hasPassed(Elements.ANSWERED).hasNotPassed(Elements.FOLLOW_UP);
    Assertions.assertThat(calls).containsExactly(Beans.SEND_INVITATION + ":11");
  }

  @Test
  void aLowScoreOpensTheSupervisorsFollowUp() {
    ProcessInstance survey = start("RS-2026-000201", 12L);
    execute(job(Elements.SEND_INVITATION, survey));
    answer(12L, true);

    assertThat(survey).isWaitingAt(Elements.FOLLOW_UP);
    Task task = task(survey);
    assertThat(task).hasCandidateGroup("supervisor");
    Assertions.assertThat(task.getDueDate())
        .isEqualTo((Date) runtimeService().getVariable(survey.getId(), FOLLOW_UP_DUE_AT));
    complete(task, withVariables(FOLLOW_UP_OUTCOME, Outcomes.CONTACTED));

    assertThat(survey).isEnded().hasPassed(Elements.FOLLOWED_UP);
    Assertions.assertThat(calls)
        .containsExactly(
            Beans.SEND_INVITATION + ":12", Beans.RECORD_FOLLOW_UP + ":" + Outcomes.CONTACTED);
  }

  @Test
  void withoutAnAnswerTheInvitationExpiresAfterThePeriod() {
    ProcessInstance survey = start("RS-2026-000202", 13L);
    execute(job(Elements.SEND_INVITATION, survey));

    Job timer = job(Elements.ANSWER_PERIOD_OVER, survey);
    Assertions.assertThat(timer.getDuedate())
        .as("the answer period is the configured one")
        .isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(14, ChronoUnit.DAYS)));
    execute(timer);

    assertThat(survey).isEnded().hasPassed(Elements.UNANSWERED);
    Assertions.assertThat(calls)
        .containsExactly(Beans.SEND_INVITATION + ":13", Beans.EXPIRE_INVITATION);
  }

  @Test
  void anOptedOutRequesterIsNotInvited() {
    optedOut = true;
    ProcessInstance survey = start("RS-2026-000203", 14L);
    execute(job(Elements.SEND_INVITATION, survey));

    assertThat(survey).isEnded().hasPassed(Elements.NOT_INVITED);
  }

  @Test
  void theConstantsNameElementsOfTheModel() throws IllegalAccessException {
    BpmnModelInstance model =
        ProcessModels.read(ProcessModels.bpmnFileOfProcess(SatisfactionSurveyProcess.PROCESS_KEY));
    List<String> ids =
        model.getModelElementsByType(FlowElement.class).stream().map(FlowElement::getId).toList();
    for (Field field : Elements.class.getFields()) {
      Assertions.assertThat(ids)
          .as("Elements.%s", field.getName())
          .contains((String) field.get(null));
    }
    List<String> beans =
        ProcessModels.delegateExpressions(
                ProcessModels.bpmnFileOfProcess(SatisfactionSurveyProcess.PROCESS_KEY))
            .stream()
            .map(ProcessModels::beanName)
            .toList();
    List<String> declared = new ArrayList<>();
    for (Field field : Beans.class.getFields()) {
      declared.add((String) field.get(null));
    }
    Assertions.assertThat(beans).containsExactlyInAnyOrderElementsOf(declared);
  }

  private ProcessInstance start(String ticketNumber, long invitationId) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T09:00:00Z")));
    return runtimeService()
        .startProcessInstanceByKey(
            SatisfactionSurveyProcess.PROCESS_KEY,
            ticketNumber,
            Map.of(INVITATION_ID, invitationId, ANSWER_WITHIN, "P14D"));
  }

  private static void answer(long invitationId, boolean lowScore) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    runtimeService()
        .createMessageCorrelation(SatisfactionSurveyProcess.MESSAGE_ANSWERED)
        .processInstanceVariableEquals(INVITATION_ID, invitationId)
        .setVariable(LOW_SCORE, lowScore)
        .setVariable(FOLLOW_UP_DUE_AT, Date.from(now.plus(2, ChronoUnit.DAYS)))
        .setVariable(FOLLOW_UP_AT_RISK_FROM, Date.from(now.plus(1, ChronoUnit.DAYS)))
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
