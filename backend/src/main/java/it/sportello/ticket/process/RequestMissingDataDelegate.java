package it.sportello.ticket.process;

import it.sportello.processes.TicketProcess.Beans;
import it.sportello.processes.TicketProcess.Variables;
import it.sportello.sla.SlaService.ReplyWindow;
import it.sportello.ticket.application.TicketLifecycle;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Pause the SLA clock, ask the requester for the missing data, set the reminder and give-up dates.
 */
@Component(Beans.REQUEST_MISSING_DATA)
class RequestMissingDataDelegate implements JavaDelegate {

  private final TicketLifecycle lifecycle;

  RequestMissingDataDelegate(TicketLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReplyWindow window = lifecycle.awaitRequester(execution.getProcessBusinessKey());
    execution.setVariable(Variables.REPLY_REMINDER_AT, Date.from(window.remindAt()));
    execution.setVariable(Variables.REPLY_DEADLINE_AT, Date.from(window.closeAt()));
  }
}
