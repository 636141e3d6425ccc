package it.sportello.ticket.process;

import it.sportello.processes.TicketProcess.Beans;
import it.sportello.ticket.application.TicketLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The ticket is solved: close it and send the answer to the requester. */
@Component(Beans.CLOSE_TICKET)
class CloseTicketDelegate implements JavaDelegate {

  private final TicketLifecycle lifecycle;

  CloseTicketDelegate(TicketLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.close(execution.getProcessBusinessKey());
  }
}
