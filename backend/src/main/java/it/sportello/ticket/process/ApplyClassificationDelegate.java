package it.sportello.ticket.process;

import it.sportello.processes.TicketProcess.Variables;
import it.sportello.ticket.application.TicketLifecycle;
import it.sportello.ticket.application.TicketLifecycle.Classification;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stores the decision table's classification on the ticket with its SLA targets; the process keeps
 * queue and deadlines.
 */
@Component("applyClassificationDelegate")
class ApplyClassificationDelegate implements JavaDelegate {

  private final TicketLifecycle lifecycle;

  ApplyClassificationDelegate(TicketLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> result =
        (Map<String, Object>) execution.getVariable(Variables.CLASSIFICATION);
    Classification classification =
        lifecycle.classify(
            execution.getProcessBusinessKey(),
            (String) result.get("queue"),
            ((Number) result.get("priority")).intValue(),
            (String) result.get("slaPolicy"));
    execution.removeVariable(Variables.CLASSIFICATION);
    execution.setVariable(Variables.QUEUE, classification.queue());
    execution.setVariable(Variables.BACK_OFFICE_GROUP, classification.backOfficeGroup());
    execution.setVariable(Variables.CURRENT_LEVEL, 1);
    execution.setVariable(
        Variables.TAKE_IN_CHARGE_DUE_AT, Date.from(classification.takeInChargeDueAt()));
    execution.setVariable(Variables.RESOLUTION_DUE_AT, Date.from(classification.resolutionDueAt()));
  }
}
