package it.sportello.ticket.process;

import it.sportello.processes.TicketProcess.Beans;
import it.sportello.ticket.application.TicketLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Resolution target passed: flag the ticket, raise its priority, tell the supervisors. */
@Component(Beans.ESCALATE_RESOLUTION)
class EscalateResolutionDelegate implements JavaDelegate {

  private final TicketLifecycle lifecycle;

  EscalateResolutionDelegate(TicketLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.resolutionOverdue(execution.getProcessBusinessKey());
  }
}
