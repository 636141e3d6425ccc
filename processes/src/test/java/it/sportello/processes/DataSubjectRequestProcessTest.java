package it.sportello.processes;

import static it.sportello.processes.DataSubjectRequestProcess.Variables.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import it.sportello.processes.DataSubjectRequestProcess.Beans;
import it.sportello.processes.DataSubjectRequestProcess.Elements;
import it.sportello.processes.DataSubjectRequestProcess.Kinds;
import java.lang.reflect.Field;
import java.time.Instant;
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
 * The data subject's request: the export or the erasure runs as a job, the data protection officer
 * answers the person; a reminder before the legal deadline and a report when it passes, neither of
 * which stops the work.
 */
@Deployment(resources = {"bpmn/privacy/data-subject-request.bpmn", "forms/privacy/dsr-answer.form"})
class DataSubjectRequestProcessTest {

  @RegisterExtension static ProcessEngineExtension extension = InMemoryEngine.extension();

  private static final Instant RECEIVED = Instant.parse("2026-12-07T09:00:00Z");
  private static final Date REMINDER = Date.from(Instant.parse("2027-01-04T22:59:59Z"));
  private static final Date DUE = Date.from(Instant.parse("2027-01-07T22:59:59Z"));

  private final List<String> calls = new ArrayList<>();

  @BeforeEach
  void setUp() {
    init(extension.getProcessEngine());
    for (String bean :
        List.of(
            Beans.PRODUCE_EXPORT,
            Beans.ERASE_DATA,
            Beans.REMIND_DPO,
            Beans.REPORT_OVERDUE,
            Beans.CLOSE_REQUEST)) {
      Mocks.register(
          bean,
          (JavaDelegate) execution -> calls.add(bean + ":" + execution.getVariable(REQUEST_ID)));
    }
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void anAccessRequestProducesTheExportThenTheOfficerAnswers() {
    ProcessInstance request = start(11L, Kinds.EXPORT);

    assertThat(request).isWaitingAt(Elements.PRODUCE_EXPORT);
    execute(job(Elements.PRODUCE_EXPORT, request));

    assertThat(request).isWaitingAt(Elements.ANSWER_DATA_SUBJECT);
    Task task = task(request);
    assertThat(task).hasCandidateGroup("dpo");
    Assertions.assertThat(task.getDueDate()).isEqualTo(DUE);
    Assertions.assertThat(task.getFollowUpDate()).isEqualTo(REMINDER);
    complete(task, withVariables(ANSWERED_BY, "dpo"));

    assertThat(request).isEnded().hasPassed(Elements.REQUEST_CLOSED);
    assertThat(request).hasNotPassed(Elements.ERASE_DATA, Elements.DPO_REMINDED);
    Assertions.assertThat(calls)
        .containsExactly(Beans.PRODUCE_EXPORT + ":11", Beans.CLOSE_REQUEST + ":11");
  }

  @Test
  void anErasureRequestErasesThenTheOfficerAnswers() {
    ProcessInstance request = start(12L, Kinds.ERASURE);

    assertThat(request).isWaitingAt(Elements.ERASE_DATA);
    execute(job(Elements.ERASE_DATA, request));
    complete(task(request));

    assertThat(request).isEnded().hasPassed(Elements.ERASE_DATA, Elements.REQUEST_CLOSED);
    assertThat(request).hasNotPassed(Elements.PRODUCE_EXPORT);
    Assertions.assertThat(calls)
        .containsExactly(Beans.ERASE_DATA + ":12", Beans.CLOSE_REQUEST + ":12");
  }

  @Test
  void theOfficerIsRemindedBeforeTheDeadlineAndTheRequestReportedOverdueWhenItPasses() {
    ProcessInstance request = start(13L, Kinds.EXPORT);
    execute(job(Elements.PRODUCE_EXPORT, request));

    Job reminder = job(Elements.REMINDER_DUE, request);
    Job deadline = job(Elements.DEADLINE_PASSED, request);
    Assertions.assertThat(reminder.getDuedate()).isEqualTo(REMINDER);
    Assertions.assertThat(deadline.getDuedate()).isEqualTo(DUE);

    execute(reminder);
    assertThat(request).hasPassed(Elements.DPO_REMINDED).isWaitingAt(Elements.ANSWER_DATA_SUBJECT);
    execute(deadline);
    assertThat(request)
        .hasPassed(Elements.OVERDUE_REPORTED)
        .isWaitingAt(Elements.ANSWER_DATA_SUBJECT);

    complete(task(request));
    assertThat(request).isEnded().hasPassed(Elements.REQUEST_CLOSED);
    Assertions.assertThat(calls)
        .containsExactly(
            Beans.PRODUCE_EXPORT + ":13",
            Beans.REMIND_DPO + ":13",
            Beans.REPORT_OVERDUE + ":13",
            Beans.CLOSE_REQUEST + ":13");
  }

  @Test
  void aRequestAnsweredInTimeLeavesNoTimerBehind() {
    ProcessInstance request = start(14L, Kinds.ERASURE);
    execute(job(Elements.ERASE_DATA, request));
    complete(task(request));

    Assertions.assertThat(
            managementService().createJobQuery().processInstanceId(request.getId()).count())
        .isZero();
    Assertions.assertThat(calls).doesNotContain(Beans.REMIND_DPO + ":14");
  }

  @Test
  void theConstantsNameElementsOfTheModel() throws IllegalAccessException {
    ClasspathFiles.ClasspathFile file =
        ProcessModels.bpmnFileOfProcess(DataSubjectRequestProcess.PROCESS_KEY);
    BpmnModelInstance model = ProcessModels.read(file);
    List<String> ids =
        model.getModelElementsByType(FlowElement.class).stream().map(FlowElement::getId).toList();
    for (Field field : Elements.class.getFields()) {
      Assertions.assertThat(ids)
          .as("Elements.%s", field.getName())
          .contains((String) field.get(null));
    }
    List<String> beans =
        ProcessModels.delegateExpressions(file).stream().map(ProcessModels::beanName).toList();
    List<String> declared = new ArrayList<>();
    for (Field field : Beans.class.getFields()) {
      declared.add((String) field.get(null));
    }
    Assertions.assertThat(beans).containsExactlyInAnyOrderElementsOf(declared);
  }

  private ProcessInstance start(long requestId, String kind) {
    ClockUtil.setCurrentTime(Date.from(RECEIVED));
    return runtimeService()
        .startProcessInstanceByKey(
            DataSubjectRequestProcess.PROCESS_KEY,
            "DSR-" + requestId,
            Map.of(REQUEST_ID, requestId, REQUEST_KIND, kind, DUE_AT, DUE, REMINDER_AT, REMINDER));
  }

  private static Job job(String activityId, ProcessInstance instance) {
    return managementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .activityId(activityId)
        .singleResult();
  }
}
