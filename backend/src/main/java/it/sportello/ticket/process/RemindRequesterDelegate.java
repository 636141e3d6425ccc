package it.sportello.ticket.process;

import it.sportello.processes.TicketProcess.Beans;
import it.sportello.ticket.application.TicketLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The requester has not replied yet: remind them. */
@Component(Beans.REMIND_REQUESTER)
class RemindRequesterDelegate implements JavaDelegate {

  private final TicketLifecycle lifecycle;

  RemindRequesterDelegate(TicketLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.remindRequester(execution.getProcessBusinessKey());
  }
}
