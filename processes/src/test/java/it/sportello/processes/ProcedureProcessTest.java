package it.sportello.processes;

import static it.sportello.processes.ProcedureProcesses.Variables.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import it.sportello.processes.ProcedureProcesses.Beans;
import it.sportello.processes.ProcedureProcesses.Decisions;
import it.sportello.processes.ProcedureProcesses.Elements;
import it.sportello.processes.ProcedureProcesses.Errors;
import it.sportello.processes.ProcedureProcesses.Messages;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of the approval, correspondence and complaint models, delegates mocked. */
@Deployment(
    resources = {
      "bpmn/approval/approval.bpmn",
      "bpmn/correspondence/correspondence.bpmn",
      "bpmn/complaint/complaint.bpmn",
      "forms/approval/approval-decision.form",
      "forms/correspondence/letter-draft.form",
      "forms/complaint/complaint-check.form",
      "forms/complaint/complaint-evaluation.form"
    })
class ProcedureProcessTest {

  @RegisterExtension static ProcessEngineExtension extension = InMemoryEngine.extension();

  ProcessEngine engine;
  final List<String> calls = new ArrayList<>();
  final AtomicBoolean approvalStillValid = new AtomicBoolean(true);

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    init(engine);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Mocks.register(
        Beans.APPROVAL_REQUEST,
        record(
            Beans.APPROVAL_REQUEST,
            execution -> {
              execution.setVariable(APPROVAL_ID, 1L);
              execution.setVariable(APPROVAL_DUE_AT, Date.from(now.plus(3, ChronoUnit.DAYS)));
              execution.setVariable(APPROVAL_FOLLOW_UP_AT, Date.from(now.plus(2, ChronoUnit.DAYS)));
            }));
    Mocks.register(
        Beans.SEND_LETTER,
        record(
            Beans.SEND_LETTER,
            execution -> {
              if (!approvalStillValid.getAndSet(true)) {
                throw new BpmnError(Errors.APPROVAL_NO_LONGER_VALID, "document changed");
              }
            }));
    Mocks.register(
        Beans.SEND_FORMAL_NOTICE,
        record(
            Beans.SEND_FORMAL_NOTICE,
            execution -> {
              execution.setVariable(
                  COUNTER_ARGUMENTS_DUE_AT, Date.from(now.plus(14, ChronoUnit.DAYS)));
              execution.setVariable(EVALUATION_DUE_AT, Date.from(now.plus(30, ChronoUnit.DAYS)));
              execution.setVariable(
                  EVALUATION_FOLLOW_UP_AT, Date.from(now.plus(25, ChronoUnit.DAYS)));
            }));
    for (String bean :
        List.of(
            Beans.ARCHIVE_LETTER,
            Beans.REMIND_OFFICE,
            Beans.ESCALATE_LETTER,
            Beans.DISMISS_COMPLAINT,
            Beans.COUNTER_ARGUMENTS_MISSED,
            Beans.NOTIFY_DECISION)) {
      Mocks.register(bean, record(bean, execution -> {}));
    }
    for (String listener :
        List.of(
            Beans.APPROVAL_TASK_LISTENER,
            Beans.LETTER_TASK_LISTENER,
            Beans.COMPLAINT_TASK_LISTENER)) {
      Mocks.register(
          listener, (TaskListener) task -> calls.add(listener + ":" + task.getTaskDefinitionKey()));
    }
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  // ---------------------------------------------------------------------------------------------
  // approval

  @Test
  void approvalOffersTheDecisionToTheApproverGroupAndReturnsIt() {
    ProcessInstance approval =
        runtimeService()
            .startProcessInstanceByKey(
                ProcedureProcesses.APPROVAL_PROCESS_KEY,
                "PROT-2026-000001",
                Map.of(
                    SUBJECT_KIND, "LETTER",
                    APPROVAL_STEP, "SIGNATURE",
                    APPROVER_GROUP, "manager",
                    DOCUMENT_ROLE, "REPLY",
                    SUBMITTED_BY, "office1"));

    assertThat(approval).isWaitingAt(Elements.DECIDE_APPROVAL);
    assertThat(task(approval)).hasCandidateGroup("manager");
    Assertions.assertThat(task(approval).getDueDate())
        .isEqualTo((Date) runtimeService().getVariable(approval.getId(), APPROVAL_DUE_AT));
    complete(task(approval), withVariables(APPROVAL_DECISION, Decisions.APPROVE));

    assertThat(approval).isEnded().hasPassed(Elements.APPROVED);
    Assertions.assertThat(calls)
        .containsExactly(
            Beans.APPROVAL_REQUEST, Beans.APPROVAL_TASK_LISTENER + ":" + Elements.DECIDE_APPROVAL);
  }

  @Test
  void approvalCanBeRejected() {
    ProcessInstance approval =
        runtimeService()
            .startProcessInstanceByKey(
                ProcedureProcesses.APPROVAL_PROCESS_KEY,
                "RECL-2026-000001",
                Map.of(
                    SUBJECT_KIND, "COMPLAINT",
                    APPROVAL_STEP, "DECISION",
                    APPROVER_GROUP, "manager",
                    DOCUMENT_ROLE, "DECISION"));
    complete(task(approval), withVariables(APPROVAL_DECISION, Decisions.REJECT));

    assertThat(approval).isEnded().hasPassed(Elements.REJECTED);
  }

  // ---------------------------------------------------------------------------------------------
  // correspondence

  @Test
  void letterIsDraftedReviewedSignedSentAndArchived() {
    ProcessInstance letter = startLetter("PROT-2026-000001");

    assertThat(letter).isWaitingAt(Elements.DRAFT_ANSWER);
    assertThat(task(letter)).hasCandidateGroup("office-tributi");
    complete(
        task(letter), withVariables(DRAFT_DECISION, Decisions.SUBMIT, SUBMITTED_BY, "office1"));

    ProcessInstance review = approvalCalledBy(letter);
    Assertions.assertThat(review.getBusinessKey()).isEqualTo("PROT-2026-000001");
    assertThat(task(review)).hasCandidateGroup("head-office");
    Assertions.assertThat(runtimeService().getVariables(review.getId()))
        .containsEntry(APPROVAL_STEP, "REVIEW")
        .containsEntry(SUBJECT_KIND, "LETTER")
        .containsEntry(DOCUMENT_ROLE, "REPLY")
        .containsEntry(SUBMITTED_BY, "office1");
    complete(task(review), withVariables(APPROVAL_DECISION, Decisions.APPROVE));

    ProcessInstance signature = approvalCalledBy(letter);
    assertThat(task(signature)).hasCandidateGroup("manager");
    Assertions.assertThat(runtimeService().getVariable(signature.getId(), APPROVAL_STEP))
        .isEqualTo("SIGNATURE");
    complete(task(signature), withVariables(APPROVAL_DECISION, Decisions.APPROVE));

    assertThat(letter).isWaitingAt(Elements.SEND_LETTER);
    execute(job(Elements.SEND_LETTER, letter));

    assertThat(letter).isEnded().hasPassed(Elements.SEND_LETTER, Elements.LETTER_ARCHIVED);
    Assertions.assertThat(calls).containsSubsequence(Beans.SEND_LETTER, Beans.ARCHIVE_LETTER);
  }

  @Test
  void aRejectedReviewOrSignatureSendsTheDraftBackToTheOffice() {
    ProcessInstance letter = startLetter("PROT-2026-000002");
    complete(
        task(letter), withVariables(DRAFT_DECISION, Decisions.SUBMIT, SUBMITTED_BY, "office1"));
    complete(task(approvalCalledBy(letter)), withVariables(APPROVAL_DECISION, Decisions.REJECT));

    assertThat(letter).isWaitingAt(Elements.DRAFT_ANSWER);
    complete(task(letter), withVariables(DRAFT_DECISION, Decisions.SUBMIT));
    complete(task(approvalCalledBy(letter)), withVariables(APPROVAL_DECISION, Decisions.APPROVE));
    complete(task(approvalCalledBy(letter)), withVariables(APPROVAL_DECISION, Decisions.REJECT));

    assertThat(letter).isWaitingAt(Elements.DRAFT_ANSWER);
    complete(task(letter), withVariables(DRAFT_DECISION, Decisions.SUBMIT));
    complete(task(approvalCalledBy(letter)), withVariables(APPROVAL_DECISION, Decisions.APPROVE));
    complete(task(approvalCalledBy(letter)), withVariables(APPROVAL_DECISION, Decisions.APPROVE));
    execute(job(Elements.SEND_LETTER, letter));

    assertThat(letter).isEnded().hasPassed(Elements.LETTER_ARCHIVED);
    Assertions.assertThat(calls.stream().filter(Beans.APPROVAL_REQUEST::equals)).hasSize(5);
  }

  @Test
  void aDocumentChangedAfterTheSignatureGoesBackToApproval() {
    ProcessInstance letter = startLetter("PROT-2026-000003");
    complete(
        task(letter), withVariables(DRAFT_DECISION, Decisions.SUBMIT, SUBMITTED_BY, "office1"));
    complete(task(approvalCalledBy(letter)), withVariables(APPROVAL_DECISION, Decisions.APPROVE));
    complete(task(approvalCalledBy(letter)), withVariables(APPROVAL_DECISION, Decisions.APPROVE));

    approvalStillValid.set(false);
    execute(job(Elements.SEND_LETTER, letter));

    assertThat(letter)
        .hasPassed(Elements.APPROVAL_NO_LONGER_VALID)
        .isWaitingAt(Elements.REVIEW_BY_HEAD_OFFICE);
    complete(task(approvalCalledBy(letter)), withVariables(APPROVAL_DECISION, Decisions.APPROVE));
    complete(task(approvalCalledBy(letter)), withVariables(APPROVAL_DECISION, Decisions.APPROVE));
    execute(job(Elements.SEND_LETTER, letter));

    assertThat(letter).isEnded().hasPassed(Elements.LETTER_ARCHIVED);
  }

  @Test
  void aReminderBeforeTheDueDateAndAnEscalationWhenItPasses() {
    ProcessInstance letter = startLetter("PROT-2026-000004");

    execute(job(Elements.ANSWER_REMINDER_DUE, letter));
    assertThat(letter).isWaitingAt(Elements.DRAFT_ANSWER);
    execute(job(Elements.ANSWER_OVERDUE, letter));

    assertThat(letter).isWaitingAt(Elements.DRAFT_ANSWER);
    Assertions.assertThat(calls).containsSubsequence(Beans.REMIND_OFFICE, Beans.ESCALATE_LETTER);
    Assertions.assertThat(
            managementService()
                .createJobQuery()
                .processInstanceId(letter.getId())
                .activityId(Elements.ANSWER_OVERDUE)
                .count())
        .as("fires once")
        .isZero();
  }

  @Test
  void aLetterThatNeedsNoAnswerIsArchived() {
    ProcessInstance letter = startLetter("PROT-2026-000005");
    complete(task(letter), withVariables(DRAFT_DECISION, Decisions.NO_REPLY));

    assertThat(letter)
        .isEnded()
        .hasPassed(Elements.LETTER_ARCHIVED)
        .hasNotPassed(Elements.SEND_LETTER);
  }

  // ---------------------------------------------------------------------------------------------
  // complaint

  @Test
  void aReportIsDismissed() {
    ProcessInstance complaint = startComplaint("RECL-2026-000001");
    assertThat(task(complaint)).hasCandidateGroup("head-office");
    complete(task(complaint), withVariables(CHECK_DECISION, Decisions.DISMISS));
    execute(job(complaint));

    assertThat(complaint).isEnded().hasPassed(Elements.COMPLAINT_DISMISSED);
    Assertions.assertThat(calls)
        .contains(Beans.DISMISS_COMPLAINT)
        .doesNotContain(Beans.SEND_FORMAL_NOTICE);
  }

  @Test
  void theSupplierRepliesInTimeAndTheArchivingIsApproved() {
    ProcessInstance complaint = startComplaint("RECL-2026-000002");
    complete(task(complaint), withVariables(CHECK_DECISION, Decisions.PROCEED));
    execute(job(Elements.SEND_FORMAL_NOTICE, complaint));
    assertThat(complaint).isWaitingAt(Elements.AWAIT_COUNTER_ARGUMENTS);

    runtimeService()
        .createMessageCorrelation(Messages.SUPPLIER_REPLIED)
        .processInstanceBusinessKey("RECL-2026-000002")
        .correlate();

    assertThat(complaint).isWaitingAt(Elements.EVALUATE_CASE);
    complete(
        task(complaint),
        withVariables(COMPLAINT_DECISION, Decisions.ARCHIVE, SUBMITTED_BY, "headoffice1"));
    ProcessInstance approval = approvalCalledBy(complaint);
    assertThat(task(approval)).hasCandidateGroup("manager");
    complete(task(approval), withVariables(APPROVAL_DECISION, Decisions.APPROVE));
    execute(job(Elements.NOTIFY_DECISION, complaint));

    assertThat(complaint)
        .isEnded()
        .hasPassed(Elements.AWAIT_COUNTER_ARGUMENTS, Elements.COMPLAINT_CLOSED)
        .hasNotPassed(Elements.COUNTER_ARGUMENTS_DEADLINE);
  }

  @Test
  void theDeadlinePassesAndAPenaltyIsDecidedAfterAFirstRejection() {
    ProcessInstance complaint = startComplaint("RECL-2026-000003");
    complete(task(complaint), withVariables(CHECK_DECISION, Decisions.PROCEED));
    execute(job(Elements.SEND_FORMAL_NOTICE, complaint));

    Job deadline = job(Elements.COUNTER_ARGUMENTS_DEADLINE, complaint);
    Assertions.assertThat(deadline.getDuedate())
        .isEqualTo(
            (Date) runtimeService().getVariable(complaint.getId(), COUNTER_ARGUMENTS_DUE_AT));
    execute(deadline);

    assertThat(complaint).isWaitingAt(Elements.EVALUATE_CASE);
    Assertions.assertThat(calls).contains(Beans.COUNTER_ARGUMENTS_MISSED);
    complete(task(complaint), withVariables(COMPLAINT_DECISION, Decisions.PENALTY));
    complete(task(approvalCalledBy(complaint)), withVariables(APPROVAL_DECISION, Decisions.REJECT));
    assertThat(complaint).isWaitingAt(Elements.EVALUATE_CASE);
    complete(task(complaint), withVariables(COMPLAINT_DECISION, Decisions.PENALTY));
    complete(
        task(approvalCalledBy(complaint)), withVariables(APPROVAL_DECISION, Decisions.APPROVE));
    execute(job(Elements.NOTIFY_DECISION, complaint));

    assertThat(complaint)
        .isEnded()
        .hasPassed(Elements.COUNTER_ARGUMENTS_DEADLINE, Elements.COMPLAINT_CLOSED);
    Assertions.assertThat(calls).contains(Beans.NOTIFY_DECISION);
  }

  // ---------------------------------------------------------------------------------------------

  private ProcessInstance startLetter(String number) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return runtimeService()
        .startProcessInstanceByKey(
            ProcedureProcesses.CORRESPONDENCE_PROCESS_KEY,
            number,
            Map.of(
                OFFICE, "office-tributi",
                ANSWER_DUE_AT, Date.from(now.plus(30, ChronoUnit.DAYS)),
                ANSWER_REMINDER_AT, Date.from(now.plus(25, ChronoUnit.DAYS))));
  }

  private ProcessInstance startComplaint(String number) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return runtimeService()
        .startProcessInstanceByKey(
            ProcedureProcesses.COMPLAINT_PROCESS_KEY,
            number,
            Map.of(
                CHECK_DUE_AT, Date.from(now.plus(5, ChronoUnit.DAYS)),
                CHECK_FOLLOW_UP_AT, Date.from(now.plus(4, ChronoUnit.DAYS))));
  }

  private ProcessInstance approvalCalledBy(ProcessInstance caller) {
    return runtimeService()
        .createProcessInstanceQuery()
        .superProcessInstanceId(caller.getId())
        .processDefinitionKey(ProcedureProcesses.APPROVAL_PROCESS_KEY)
        .singleResult();
  }

  private JavaDelegate record(String bean, JavaDelegate behaviour) {
    return execution -> {
      calls.add(bean);
      behaviour.execute(execution);
    };
  }
}
