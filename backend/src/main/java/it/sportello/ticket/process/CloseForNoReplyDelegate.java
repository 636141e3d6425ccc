package it.sportello.ticket.process;

import it.sportello.processes.TicketProcess.Beans;
import it.sportello.ticket.application.TicketLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The requester never replied: close the ticket and tell them. */
@Component(Beans.CLOSE_FOR_NO_REPLY)
class CloseForNoReplyDelegate implements JavaDelegate {

  private final TicketLifecycle lifecycle;

  CloseForNoReplyDelegate(TicketLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.closeForNoReply(execution.getProcessBusinessKey());
  }
}
