package it.sportello.ticket.process;

import it.sportello.processes.TicketProcess.Beans;
import it.sportello.ticket.application.TicketLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The ticket was merged into another as its duplicate: close it with outcome DUPLICATE. The
 * interrupting event sub-process has already ended its tasks and SLA timers.
 */
@Component(Beans.CLOSE_AS_DUPLICATE)
class CloseAsDuplicateDelegate implements JavaDelegate {

  private final TicketLifecycle lifecycle;

  CloseAsDuplicateDelegate(TicketLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.closeAsDuplicate(execution.getProcessBusinessKey());
  }
}
