package it.sportello.ticket.process;

import it.sportello.platform.process.TaskVariables;
import it.sportello.processes.TicketProcess.Beans;
import it.sportello.processes.TicketProcess.Variables;
import it.sportello.sla.SlaTargets;
import it.sportello.ticket.application.TicketLifecycle;
import it.sportello.ticket.application.TicketLifecycle.Classification;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stores the decision table's classification on the ticket with its SLA targets; the process keeps
 * queue, deadlines and the instants they get at risk (the tasks' follow-up dates).
 */
@Component(Beans.APPLY_CLASSIFICATION)
class ApplyClassificationDelegate implements JavaDelegate {

  /**
   * The ticket's id, a transient variable (never stored) of the instance the intake starts: the
   * ticket is then read from the intake's persistence context, not queried by number after a flush.
   * Instances started otherwise (the engine's REST API, process tests) go by number.
   */
  static final String TICKET_ID = "ticketId";

  private final TicketLifecycle lifecycle;

  ApplyClassificationDelegate(TicketLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> result = TaskVariables.map(execution, Variables.CLASSIFICATION);
    int priority = ((Number) result.get("priority")).intValue();
    String queue = (String) result.get("queue");
    String slaPolicy = (String) result.get("slaPolicy");
    String number = execution.getProcessBusinessKey();
    Long ticketId = TaskVariables.number(execution, TICKET_ID);
    Classification classification =
        ticketId != null
            ? lifecycle.classify(ticketId, number, queue, priority, slaPolicy)
            : lifecycle.classify(number, queue, priority, slaPolicy);
    execution.removeVariable(Variables.CLASSIFICATION);
    execution.setVariable(Variables.QUEUE, classification.queue());
    execution.setVariable(Variables.PRIORITY, priority);
    execution.setVariable(Variables.BACK_OFFICE_GROUP, classification.backOfficeGroup());
    execution.setVariable(Variables.CURRENT_LEVEL, 1);
    SlaTargets targets = classification.targets();
    execution.setVariable(Variables.TAKE_IN_CHARGE_DUE_AT, Date.from(targets.takeInChargeDueAt()));
    execution.setVariable(
        Variables.TAKE_IN_CHARGE_AT_RISK_FROM, Date.from(targets.takeInChargeAtRiskFrom()));
    execution.setVariable(Variables.RESOLUTION_DUE_AT, Date.from(targets.resolutionDueAt()));
    execution.setVariable(
        Variables.RESOLUTION_AT_RISK_FROM, Date.from(targets.resolutionAtRiskFrom()));
  }
}
