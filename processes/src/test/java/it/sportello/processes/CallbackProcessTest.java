package it.sportello.processes;

import static it.sportello.processes.CallbackProcess.Variables.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import it.sportello.processes.CallbackProcess.Beans;
import it.sportello.processes.CallbackProcess.Elements;
import it.sportello.processes.CallbackProcess.Outcomes;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
 * The call-back process: the call is placed (a job, retried), the operator records the outcome, a
 * requester not reached is called again after the delay until the attempts run out.
 */
@Deployment(resources = {"bpmn/phone/callback.bpmn", "forms/phone/phone-callback-outcome.form"})
class CallbackProcessTest {

  @RegisterExtension static ProcessEngineExtension extension = InMemoryEngine.extension();

  private final List<String> calls = new ArrayList<>();
  private int maxAttempts = 2;
  private int attempts;

  @BeforeEach
  void setUp() {
    init(extension.getProcessEngine());
    Mocks.register(
        Beans.PLACE_CALL,
        (JavaDelegate)
            execution -> {
              attempts++;
              calls.add(Beans.PLACE_CALL);
              Instant now = ClockUtil.getCurrentTime().toInstant();
              execution.setVariable(CALLBACK_DUE_AT, Date.from(now.plus(4, ChronoUnit.HOURS)));
              execution.setVariable(
                  CALLBACK_FOLLOW_UP_AT, Date.from(now.plus(3, ChronoUnit.HOURS)));
            });
    Mocks.register(
        Beans.SAVE_OUTCOME,
        (JavaDelegate)
            execution -> {
              calls.add(Beans.SAVE_OUTCOME + ":" + execution.getVariable(CALLBACK_OUTCOME));
              execution.setVariable(ATTEMPTS_LEFT, attempts < maxAttempts);
            });
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void theRequesterIsReachedAtTheFirstAttempt() {
    ProcessInstance callback = start("RS-2026-000100");

    assertThat(callback).isWaitingAt(Elements.PLACE_CALL);
    execute(job(Elements.PLACE_CALL, callback));

    assertThat(callback).isWaitingAt(Elements.RECORD_OUTCOME);
    Task task = task(callback);
    assertThat(task).isAssignedTo("operator2");
    Assertions.assertThat(task.getDueDate())
        .isEqualTo((Date) runtimeService().getVariable(callback.getId(), CALLBACK_DUE_AT));
    Assertions.assertThat(task.getFollowUpDate())
        .isEqualTo((Date) runtimeService().getVariable(callback.getId(), CALLBACK_FOLLOW_UP_AT));

    complete(task, withVariables(CALLBACK_OUTCOME, Outcomes.REACHED));

    assertThat(callback).isEnded().hasPassed(Elements.REQUESTER_REACHED);
    Assertions.assertThat(calls)
        .containsExactly(Beans.PLACE_CALL, Beans.SAVE_OUTCOME + ":" + Outcomes.REACHED);
  }

  @Test
  void aRequesterNotReachedIsCalledAgainAfterTheDelayThenTheCallBackGivesUp() {
    ProcessInstance callback = start("RS-2026-000101");
    execute(job(Elements.PLACE_CALL, callback));
    complete(task(callback), withVariables(CALLBACK_OUTCOME, Outcomes.NOT_REACHED));

    assertThat(callback).isWaitingAt(Elements.WAIT_BEFORE_RETRY);
    Job timer = job(Elements.WAIT_BEFORE_RETRY, callback);
    Assertions.assertThat(timer.getDuedate())
        .as("the retry waits for the configured delay")
        .isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(30, ChronoUnit.MINUTES)));
    execute(timer);
    assertThat(callback).isWaitingAt(Elements.PLACE_CALL);
    execute(job(Elements.PLACE_CALL, callback));
    complete(task(callback), withVariables(CALLBACK_OUTCOME, Outcomes.NOT_REACHED));

    assertThat(callback).isEnded().hasPassed(Elements.ATTEMPTS_EXHAUSTED);
    Assertions.assertThat(calls.stream().filter(Beans.PLACE_CALL::equals)).hasSize(2);
  }

  @Test
  void anAgreedAppointmentIsWaitedForBeforeTheCallIsPlaced() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
    Date appointment = Date.from(Instant.parse("2026-12-01T14:30:00Z"));
    ProcessInstance callback =
        runtimeService()
            .startProcessInstanceByKey(
                CallbackProcess.PROCESS_KEY,
                "RS-2026-000102",
                Map.of(
                    CALLBACK_ID,
                    8L,
                    REQUESTED_BY,
                    "operator2",
                    RETRY_DELAY,
                    "PT30M",
                    APPOINTMENT_AT,
                    appointment));

    assertThat(callback).isWaitingAt(Elements.WAIT_FOR_APPOINTMENT);
    Job timer = job(Elements.WAIT_FOR_APPOINTMENT, callback);
    Assertions.assertThat(timer.getDuedate())
        .as("the call waits for the slot")
        .isEqualTo(appointment);
    Assertions.assertThat(calls).isEmpty();
    execute(timer);

    assertThat(callback).isWaitingAt(Elements.PLACE_CALL);
    execute(job(Elements.PLACE_CALL, callback));
    complete(task(callback), withVariables(CALLBACK_OUTCOME, Outcomes.REACHED));
    assertThat(callback).isEnded().hasPassed(Elements.REQUESTER_REACHED);
  }

  @Test
  void theConstantsNameElementsOfTheModel() throws IllegalAccessException {
    BpmnModelInstance model =
        ProcessModels.read(ProcessModels.bpmnFileOfProcess(CallbackProcess.PROCESS_KEY));
    List<String> ids =
        model.getModelElementsByType(FlowElement.class).stream().map(FlowElement::getId).toList();
    for (Field field : CallbackProcess.Elements.class.getFields()) {
      Assertions.assertThat(ids)
          .as("Elements.%s", field.getName())
          .contains((String) field.get(null));
    }
    List<String> beans =
        ProcessModels.delegateExpressions(
                ProcessModels.bpmnFileOfProcess(CallbackProcess.PROCESS_KEY))
            .stream()
            .map(ProcessModels::beanName)
            .collect(Collectors.toList());
    List<String> declared = new ArrayList<>();
    for (Field field : CallbackProcess.Beans.class.getFields()) {
      declared.add((String) field.get(null));
    }
    Assertions.assertThat(beans).containsExactlyInAnyOrderElementsOf(declared);
  }

  private ProcessInstance start(String ticketNumber) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
    return runtimeService()
        .startProcessInstanceByKey(
            CallbackProcess.PROCESS_KEY,
            ticketNumber,
            Map.of(CALLBACK_ID, 7L, REQUESTED_BY, "operator2", RETRY_DELAY, "PT30M"));
  }

  private static Job job(String activityId, ProcessInstance instance) {
    return managementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .activityId(activityId)
        .singleResult();
  }
}
