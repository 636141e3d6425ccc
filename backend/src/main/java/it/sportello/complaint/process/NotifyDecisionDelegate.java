package it.sportello.complaint.process;

import it.sportello.complaint.Complaints;
import it.sportello.processes.ProcedureProcesses.Beans;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Notifies the decision and closes the complaint. */
@Component(Beans.NOTIFY_DECISION)
class NotifyDecisionDelegate implements JavaDelegate {

  private final Complaints complaints;

  NotifyDecisionDelegate(Complaints complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    complaints.notifyDecisionAndClose(execution.getProcessBusinessKey());
  }
}
