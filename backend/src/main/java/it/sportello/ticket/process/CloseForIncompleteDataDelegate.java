package it.sportello.ticket.process;

import it.sportello.processes.TicketProcess.Beans;
import it.sportello.ticket.application.TicketLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The requester's reply left the data incomplete: close the ticket, invite them to call. */
@Component(Beans.CLOSE_FOR_INCOMPLETE_DATA)
class CloseForIncompleteDataDelegate implements JavaDelegate {

  private final TicketLifecycle lifecycle;

  CloseForIncompleteDataDelegate(TicketLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.closeForIncompleteData(execution.getProcessBusinessKey());
  }
}
