package it.sportello.ticket.process;

import it.sportello.processes.TicketProcess.Beans;
import it.sportello.processes.TicketProcess.Variables;
import it.sportello.ticket.application.TicketLifecycle;
import it.sportello.ticket.application.TicketLifecycle.Deadline;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The requester replied: restart the SLA clock with the resolution deadline moved by the pause. */
@Component(Beans.RESUME_SLA)
class ResumeSlaDelegate implements JavaDelegate {

  private final TicketLifecycle lifecycle;

  ResumeSlaDelegate(TicketLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Deadline resolution = lifecycle.resumeAfterReply(execution.getProcessBusinessKey());
    execution.setVariable(Variables.RESOLUTION_DUE_AT, Date.from(resolution.dueAt()));
    execution.setVariable(Variables.RESOLUTION_AT_RISK_FROM, Date.from(resolution.atRiskFrom()));
  }
}
