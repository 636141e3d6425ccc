package it.sportello.processes;

import static it.sportello.processes.TicketProcess.Variables.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import it.sportello.processes.TicketProcess.Beans;
import it.sportello.processes.TicketProcess.Elements;
import it.sportello.processes.TicketProcess.Messages;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Deployment(
    resources = {
      "bpmn/ticket/ticket.bpmn", "bpmn/ticket/office-involvement.bpmn",
          "dmn/ticket/ticket-classification.dmn",
      "forms/ticket/ticket-level1.form", "forms/ticket/ticket-level2.form",
          "forms/ticket/ticket-call-back.form",
      "forms/ticket/ticket-level3.form", "forms/ticket/office-answer.form"
    })
class TicketProcessTest {

  @RegisterExtension static ProcessEngineExtension extension = InMemoryEngine.extension();

  ProcessEngine engine;
  FakeDelegates delegates;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    init(engine);
    delegates = FakeDelegates.register();
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  @Test
  void level1SolvesAtFirstContact() {
    ProcessInstance ticket = startTicket("RS-2026-000001", "Q", "WEB", null);

    assertThat(ticket).isWaitingAt(Elements.LEVEL1);
    Task level1 = task(ticket);
    assertThat(level1).hasCandidateGroup("general");
    Assertions.assertThat(level1.getDueDate())
        .isEqualTo((Date) runtimeService().getVariable(ticket.getId(), TAKE_IN_CHARGE_DUE_AT));
    Assertions.assertThat(runtimeService().getVariable(ticket.getId(), CLASSIFICATION)).isNull();

    complete(level1, withVariables(LEVEL1_DECISION, "SOLVE"));

    assertThat(ticket).isEnded().hasPassed(Elements.TICKET_CLOSED);
    Assertions.assertThat(delegates.count(Beans.CLOSE_TICKET)).isEqualTo(1);
    Assertions.assertThat(delegates.calls)
        .contains(Beans.TASK_LISTENER + ":complete:" + Elements.LEVEL1);
  }

  @Test
  void classificationRoutesPrivacyTicketsToThePrivacyDesk() {
    ProcessInstance ticket = startTicket("RS-2026-000002", "PQ", "EMAIL", null);

    assertThat(task(ticket)).hasCandidateGroup("privacy");
  }

  @Test
  void level1EscalatesAndLevel2Solves() {
    ProcessInstance ticket = startTicket("RS-2026-000003", "Q", "PHONE", null);
    complete(task(ticket), withVariables(LEVEL1_DECISION, "ESCALATE", CURRENT_LEVEL, 2));

    assertThat(ticket).isWaitingAt(Elements.LEVEL2);
    Task level2 = task(ticket);
    assertThat(level2).hasCandidateGroup("level2");
    Assertions.assertThat(level2.getDueDate())
        .isEqualTo((Date) runtimeService().getVariable(ticket.getId(), RESOLUTION_DUE_AT));
    Assertions.assertThat(level2.getFollowUpDate())
        .as("the task's follow-up date is when its deadline gets at risk")
        .isEqualTo((Date) runtimeService().getVariable(ticket.getId(), RESOLUTION_AT_RISK_FROM));

    complete(level2, withVariables(LEVEL2_DECISION, "SOLVE"));

    assertThat(ticket)
        .isEnded()
        .hasPassed(Elements.LEVEL1, Elements.LEVEL2, Elements.TICKET_CLOSED);
  }

  @Test
  void level2CallsBackUntilTheRequesterIsReached() {
    ProcessInstance ticket = atLevel2("RS-2026-000004");

    complete(task(ticket), withVariables(LEVEL2_DECISION, "CALL_BACK"));
    assertThat(ticket).isWaitingAt(Elements.CALL_BACK);
    complete(task(ticket), withVariables(CALL_BACK_RESULT, "NOT_SOLVED"));
    assertThat(ticket).isWaitingAt(Elements.LEVEL2);
    complete(task(ticket), withVariables(LEVEL2_DECISION, "CALL_BACK"));
    complete(task(ticket), withVariables(CALL_BACK_RESULT, "SOLVED"));

    assertThat(ticket).isEnded().hasPassed(Elements.TICKET_CLOSED);
  }

  @Test
  void officeRejectionGoesToLevel3WhichReassignsToTheCompetentOffice() {
    ProcessInstance ticket = atLevel2("RS-2026-000005");

    complete(
        task(ticket), withVariables(LEVEL2_DECISION, "INVOLVE_OFFICE", OFFICE, "office-tributi"));
    assertThat(ticket).isWaitingAt(Elements.INVOLVE_OFFICE);
    ProcessInstance firstOffice = calledProcessInstance(ticket);
    Assertions.assertThat(firstOffice.getBusinessKey()).isEqualTo("RS-2026-000005");
    assertThat(task(firstOffice))
        .hasCandidateGroup("office-tributi")
        .hasDefinitionKey(Elements.OFFICE_ANSWER);

    complete(task(firstOffice), withVariables(OFFICE_DECISION, "REJECT"));
    assertThat(ticket).isWaitingAt(Elements.LEVEL3);
    assertThat(task(ticket)).hasCandidateGroup("level3");

    complete(task(ticket), withVariables(LEVEL3_DECISION, "REASSIGN", OFFICE, "office-anagrafe"));
    ProcessInstance secondOffice = calledProcessInstance(ticket);
    assertThat(task(secondOffice)).hasCandidateGroup("office-anagrafe");

    complete(task(secondOffice), withVariables(OFFICE_DECISION, "ANSWER"));
    assertThat(ticket).isWaitingAt(Elements.LEVEL2);
    complete(task(ticket), withVariables(LEVEL2_DECISION, "SOLVE"));

    assertThat(ticket).isEnded().hasPassed(Elements.LEVEL3, Elements.TICKET_CLOSED);
  }

  @Test
  void level3ReturnsARejectedTicketToLevel2() {
    ProcessInstance ticket = atLevel2("RS-2026-000006");
    complete(
        task(ticket), withVariables(LEVEL2_DECISION, "INVOLVE_OFFICE", OFFICE, "office-tributi"));
    complete(task(calledProcessInstance(ticket)), withVariables(OFFICE_DECISION, "REJECT"));

    complete(task(ticket), withVariables(LEVEL3_DECISION, "RETURN"));

    assertThat(ticket).isWaitingAt(Elements.LEVEL2);
  }

  @Test
  void requesterReplyResumesAtTheLevelThatAskedAndPausesTheResolutionTimer() {
    ProcessInstance ticket = atLevel2("RS-2026-000007");
    Assertions.assertThat(resolutionTimer(ticket)).isNotNull();

    complete(task(ticket), withVariables(LEVEL2_DECISION, "REQUEST_DATA"));

    assertThat(ticket).isWaitingAt(Elements.AWAIT_REPLY);
    Assertions.assertThat(delegates.count(Beans.REQUEST_MISSING_DATA)).isEqualTo(1);
    Assertions.assertThat(resolutionTimer(ticket)).as("SLA clock paused while waiting").isNull();

    runtimeService()
        .createMessageCorrelation(Messages.REQUESTER_REPLIED)
        .processInstanceBusinessKey("RS-2026-000007")
        .correlate();

    assertThat(ticket).isWaitingAt(Elements.LEVEL2);
    Assertions.assertThat(delegates.count(Beans.RESUME_SLA)).isEqualTo(1);
    Assertions.assertThat(resolutionTimer(ticket).getDuedate())
        .isEqualTo(Date.from(delegates.resumedResolutionDueAt));
  }

  @Test
  void requesterReplyToALevel1RequestReturnsToLevel1() {
    ProcessInstance ticket = startTicket("RS-2026-000008", "Q", "EMAIL", null);
    complete(task(ticket), withVariables(LEVEL1_DECISION, "REQUEST_DATA"));
    assertThat(ticket).isWaitingAt(Elements.AWAIT_REPLY);

    runtimeService()
        .createMessageCorrelation(Messages.REQUESTER_REPLIED)
        .processInstanceBusinessKey("RS-2026-000008")
        .correlate();

    assertThat(ticket).isWaitingAt(Elements.LEVEL1);
  }

  @ParameterizedTest(name = "at level {0}")
  @ValueSource(ints = {1, 2})
  void replyStillIncompleteClosesTheTicketWithAnInvitationToCall(int level) {
    String number = "RS-2026-00002" + level;
    ProcessInstance ticket =
        level == 1 ? startTicket(number, "Q", "EMAIL", null) : atLevel2(number);
    String decision = level == 1 ? LEVEL1_DECISION : LEVEL2_DECISION;
    complete(task(ticket), withVariables(decision, "REQUEST_DATA"));
    runtimeService()
        .createMessageCorrelation(Messages.REQUESTER_REPLIED)
        .processInstanceBusinessKey(number)
        .correlate();
    assertThat(ticket).isWaitingAt(level == 1 ? Elements.LEVEL1 : Elements.LEVEL2);

    complete(task(ticket), withVariables(decision, "CLOSE_INCOMPLETE"));

    assertThat(ticket)
        .isEnded()
        .hasPassed(Elements.CLOSED_DATA_INCOMPLETE)
        .hasNotPassed(Elements.TICKET_CLOSED);
    Assertions.assertThat(delegates.count(Beans.CLOSE_FOR_INCOMPLETE_DATA)).isEqualTo(1);
    Assertions.assertThat(delegates.count(Beans.CLOSE_TICKET)).isZero();
  }

  @Test
  void silentRequesterIsRemindedThenTheTicketClosesForNoReply() {
    ProcessInstance ticket = startTicket("RS-2026-000009", "Q", "EMAIL", null);
    complete(task(ticket), withVariables(LEVEL1_DECISION, "REQUEST_DATA"));

    execute(job(Elements.REPLY_REMINDER_DUE, ticket));
    assertThat(ticket).isWaitingAt(Elements.AWAIT_REPLY);
    Assertions.assertThat(delegates.count(Beans.REMIND_REQUESTER)).isEqualTo(1);

    execute(job(Elements.REPLY_OVERDUE, ticket));

    assertThat(ticket)
        .isEnded()
        .hasPassed(Elements.CLOSED_FOR_NO_REPLY)
        .hasNotPassed(Elements.TICKET_CLOSED);
    Assertions.assertThat(delegates.count(Beans.CLOSE_FOR_NO_REPLY)).isEqualTo(1);
    Assertions.assertThat(delegates.count(Beans.CLOSE_TICKET)).isZero();
  }

  @Test
  void missedTakeInChargeEscalatesWithoutInterruptingLevel1() {
    ProcessInstance ticket = startTicket("RS-2026-000010", "Q", "PHONE", null);
    Job timer = job(Elements.TAKE_IN_CHARGE_OVERDUE, ticket);
    Assertions.assertThat(timer.getDuedate())
        .isEqualTo((Date) runtimeService().getVariable(ticket.getId(), TAKE_IN_CHARGE_DUE_AT));

    execute(timer);

    Assertions.assertThat(delegates.count(Beans.ESCALATE_TAKE_IN_CHARGE)).isEqualTo(1);
    assertThat(ticket).isWaitingAt(Elements.LEVEL1);
  }

  @Test
  void missedResolutionEscalatesWithoutInterruptingTheWork() {
    ProcessInstance ticket = atLevel2("RS-2026-000011");

    execute(resolutionTimer(ticket));

    Assertions.assertThat(delegates.count(Beans.ESCALATE_RESOLUTION)).isEqualTo(1);
    assertThat(ticket).isWaitingAt(Elements.LEVEL2);
    Assertions.assertThat(resolutionTimer(ticket)).as("fires once").isNull();
  }

  @Test
  void mergedDuplicateClosesAtLevel1EndingItsTaskAndTimers() {
    ProcessInstance ticket = startTicket("RS-2026-000030", "Q", "EMAIL", null);
    Assertions.assertThat(job(Elements.TAKE_IN_CHARGE_OVERDUE, ticket)).isNotNull();

    mergedAsDuplicate("RS-2026-000030");

    assertThat(ticket)
        .isEnded()
        .hasPassed(Elements.CLOSE_AS_DUPLICATE, Elements.CLOSED_AS_DUPLICATE)
        .hasNotPassed(Elements.TICKET_CLOSED);
    Assertions.assertThat(delegates.count(Beans.CLOSE_AS_DUPLICATE)).isEqualTo(1);
    Assertions.assertThat(delegates.count(Beans.CLOSE_TICKET)).isZero();
    Assertions.assertThat(taskService().createTaskQuery().processInstanceId(ticket.getId()).count())
        .isZero();
    Assertions.assertThat(
            managementService().createJobQuery().processInstanceId(ticket.getId()).count())
        .as("no SLA timer left")
        .isZero();
  }

  @Test
  void mergedDuplicateClosesWhileWaitingForTheRequester() {
    ProcessInstance ticket = startTicket("RS-2026-000031", "Q", "EMAIL", null);
    complete(task(ticket), withVariables(LEVEL1_DECISION, "REQUEST_DATA"));
    assertThat(ticket).isWaitingAt(Elements.AWAIT_REPLY);

    mergedAsDuplicate("RS-2026-000031");

    assertThat(ticket).isEnded().hasPassed(Elements.CLOSED_AS_DUPLICATE);
    Assertions.assertThat(delegates.count(Beans.CLOSE_FOR_NO_REPLY)).isZero();
    Assertions.assertThat(
            managementService().createJobQuery().processInstanceId(ticket.getId()).count())
        .as("the reminder and the no-reply timer are gone")
        .isZero();
  }

  @Test
  void mergedDuplicateClosesWhileAnOfficeWorksOnItEndingTheOfficeTask() {
    ProcessInstance ticket = atLevel2("RS-2026-000032");
    complete(
        task(ticket), withVariables(LEVEL2_DECISION, "INVOLVE_OFFICE", OFFICE, "office-tributi"));
    ProcessInstance office = calledProcessInstance(ticket);

    mergedAsDuplicate("RS-2026-000032");

    assertThat(ticket).isEnded().hasPassed(Elements.CLOSED_AS_DUPLICATE);
    assertThat(office).isEnded();
    Assertions.assertThat(
            taskService().createTaskQuery().processInstanceBusinessKey("RS-2026-000032").count())
        .isZero();
  }

  @Test
  void aMovedDeadlineMovesTheResolutionTimerWhenRecalculated() {
    ProcessInstance ticket = atLevel2("RS-2026-000033");
    Date later = Date.from(java.time.Instant.parse("2031-03-03T10:00:00Z"));

    runtimeService().setVariable(ticket.getId(), RESOLUTION_DUE_AT, later);
    managementService().recalculateJobDuedate(resolutionTimer(ticket).getId(), false);

    Assertions.assertThat(resolutionTimer(ticket).getDuedate()).isEqualTo(later);
  }

  private void mergedAsDuplicate(String number) {
    runtimeService()
        .createMessageCorrelation(Messages.MERGED_AS_DUPLICATE)
        .processInstanceBusinessKey(number)
        .correlate();
  }

  private ProcessInstance atLevel2(String number) {
    ProcessInstance ticket = startTicket(number, "A", "PHONE", null);
    complete(task(ticket), withVariables(LEVEL1_DECISION, "ESCALATE", CURRENT_LEVEL, 2));
    assertThat(ticket).isWaitingAt(Elements.LEVEL2);
    return ticket;
  }

  private ProcessInstance startTicket(String number, String type, String channel, String topic) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(TICKET_TYPE, type);
    variables.put(CHANNEL, channel);
    variables.put(TOPIC, topic);
    variables.put(LANGUAGE, "it");
    return runtimeService().startProcessInstanceByKey(TicketProcess.PROCESS_KEY, number, variables);
  }

  private Job resolutionTimer(ProcessInstance ticket) {
    return managementService()
        .createJobQuery()
        .processInstanceId(ticket.getId())
        .activityId(Elements.RESOLUTION_OVERDUE)
        .singleResult();
  }
}
