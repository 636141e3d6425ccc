package it.sportello.ticket.process;

import static it.sportello.processes.TicketProcess.Variables.*;

import it.sportello.platform.process.TaskActors;
import it.sportello.processes.TicketProcess;
import it.sportello.processes.TicketProcess.Elements;
import it.sportello.processes.TicketProcess.Messages;
import it.sportello.sla.SlaTargets;
import it.sportello.ticket.application.StepDecision;
import it.sportello.ticket.application.TicketProcessPort;
import it.sportello.ticket.domain.Ticket;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Starts and feeds the {@code ticket} process; the ticket number is the business key. */
@Component
class CamundaTicketProcess implements TicketProcessPort {

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final DecisionService decisionService;

  CamundaTicketProcess(
      RuntimeService runtimeService,
      TaskService taskService,
      ManagementService managementService,
      DecisionService decisionService) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.decisionService = decisionService;
  }

  @Override
  public void start(Ticket ticket) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(TICKET_TYPE, ticket.getType().name());
    variables.put(CHANNEL, ticket.getChannel().name());
    variables.put(TOPIC, ticket.getTopic());
    variables.put(LANGUAGE, ticket.getLanguage());
    // transient: never stored, read by the classification in this same command
    variables.put(ApplyClassificationDelegate.TICKET_ID, Variables.longValue(ticket.getId(), true));
    runtimeService.startProcessInstanceByKey(
        TicketProcess.PROCESS_KEY, ticket.getNumber(), variables);
  }

  @Override
  public void solveAtFirstContact(String ticketNumber, String operator, String answer) {
    Task level1 =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(ticketNumber)
            .taskDefinitionKey(Elements.LEVEL1)
            .singleResult();
    // the intake's own rule (whoever may register a contact may record it solved at once), not
    // the worklist's: the level-1 task is closed in the caller's name, who is no candidate of it
    TaskActors.asTheApplication(
        () -> {
          taskService.claim(level1.getId(), operator);
          taskService.complete(
              level1.getId(),
              Variables.createVariables()
                  .putValue(LEVEL1_DECISION, StepDecision.Level1.SOLVE.name())
                  .putValueTyped(TicketSteps.ANSWER, Variables.stringValue(answer, true)));
        });
  }

  @Override
  public boolean requesterReplied(String ticketNumber) {
    return !runtimeService
        .createMessageCorrelation(Messages.REQUESTER_REPLIED)
        .processInstanceBusinessKey(ticketNumber)
        .correlateAllWithResult()
        .isEmpty();
  }

  @Override
  public boolean mergedAsDuplicate(String ticketNumber) {
    return !runtimeService
        .createMessageCorrelation(Messages.MERGED_AS_DUPLICATE)
        .processInstanceBusinessKey(ticketNumber)
        .correlateAllWithResult()
        .isEmpty();
  }

  @Override
  public Optional<String> slaPolicyFor(
      String ticketType, String topic, String channel, String language) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(TICKET_TYPE, ticketType);
    inputs.put(TOPIC, topic);
    inputs.put(CHANNEL, channel);
    inputs.put(LANGUAGE, language);
    DmnDecisionRuleResult result =
        decisionService
            .evaluateDecisionTableByKey(TicketProcess.CLASSIFICATION_DECISION_KEY)
            .variables(inputs)
            .evaluate()
            .getFirstResult();
    return Optional.ofNullable(result).map(entries -> (String) entries.get("slaPolicy"));
  }

  @Override
  public void reclassified(
      String ticketNumber, String queue, String backOfficeGroup, int priority, SlaTargets targets) {
    ProcessInstance ticket =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(TicketProcess.PROCESS_KEY)
            .processInstanceBusinessKey(ticketNumber)
            .active()
            .singleResult();
    if (ticket == null) {
      return;
    }
    String oldQueue = (String) runtimeService.getVariable(ticket.getId(), QUEUE);
    String oldBackOffice = (String) runtimeService.getVariable(ticket.getId(), BACK_OFFICE_GROUP);
    Map<String, Object> variables = new HashMap<>();
    variables.put(QUEUE, queue);
    variables.put(PRIORITY, priority);
    variables.put(BACK_OFFICE_GROUP, backOfficeGroup);
    Map<String, Object> deadlines = new HashMap<>();
    if (targets != null) {
      variables.put(TAKE_IN_CHARGE_DUE_AT, Date.from(targets.takeInChargeDueAt()));
      variables.put(TAKE_IN_CHARGE_AT_RISK_FROM, Date.from(targets.takeInChargeAtRiskFrom()));
      deadlines.put(RESOLUTION_DUE_AT, Date.from(targets.resolutionDueAt()));
      deadlines.put(RESOLUTION_AT_RISK_FROM, Date.from(targets.resolutionAtRiskFrom()));
      variables.putAll(deadlines);
    }
    TaskActors.asTheApplication(
        () -> {
          runtimeService.setVariables(ticket.getId(), variables);
          if (targets != null) {
            // an office working on it has the deadline as its own variable (its task's due date)
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(TicketProcess.OFFICE_INVOLVEMENT_PROCESS_KEY)
                .processInstanceBusinessKey(ticketNumber)
                .active()
                .list()
                .forEach(office -> runtimeService.setVariables(office.getId(), deadlines));
            // timers were evaluated when created: evaluate their expressions again
            for (Job timer : slaTimers(ticket.getId())) {
              managementService.recalculateJobDuedate(timer.getId(), false);
            }
          }
          for (Task task :
              taskService.createTaskQuery().processInstanceBusinessKey(ticketNumber).list()) {
            moveTask(task, oldQueue, queue, oldBackOffice, backOfficeGroup, targets);
          }
        });
  }

  private List<Job> slaTimers(String processInstanceId) {
    return java.util.stream.Stream.of(Elements.TAKE_IN_CHARGE_OVERDUE, Elements.RESOLUTION_OVERDUE)
        .flatMap(
            activity ->
                managementService
                    .createJobQuery()
                    .processInstanceId(processInstanceId)
                    .activityId(activity)
                    .timers()
                    .list()
                    .stream())
        .toList();
  }

  private void moveTask(
      Task task,
      String oldQueue,
      String queue,
      String oldBackOffice,
      String backOfficeGroup,
      SlaTargets targets) {
    String key = task.getTaskDefinitionKey();
    boolean level1 = Elements.LEVEL1.equals(key);
    // the due dates first: a candidate group changed afterwards updates the task's revision
    if (targets != null) {
      task.setDueDate(Date.from(level1 ? targets.takeInChargeDueAt() : targets.resolutionDueAt()));
      task.setFollowUpDate(
          Date.from(level1 ? targets.takeInChargeAtRiskFrom() : targets.resolutionAtRiskFrom()));
      taskService.saveTask(task);
    }
    if (level1) {
      switchGroup(task, oldQueue, queue);
    } else if (Elements.LEVEL2.equals(key) || Elements.CALL_BACK.equals(key)) {
      switchGroup(task, oldBackOffice, backOfficeGroup);
    }
  }

  private void switchGroup(Task task, String from, String to) {
    if (Objects.equals(from, to) || to == null) {
      return;
    }
    if (from != null) {
      taskService.deleteCandidateGroup(task.getId(), from);
    }
    taskService.addCandidateGroup(task.getId(), to);
  }
}
