package it.sportello.ticket.process;

import it.sportello.processes.TicketProcess.Beans;
import it.sportello.ticket.application.TicketLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Take-in-charge target passed: flag the ticket, raise its priority, tell the supervisors. */
@Component(Beans.ESCALATE_TAKE_IN_CHARGE)
class EscalateTakeInChargeDelegate implements JavaDelegate {

  private final TicketLifecycle lifecycle;

  EscalateTakeInChargeDelegate(TicketLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.takeInChargeOverdue(execution.getProcessBusinessKey());
  }
}
