package it.sportello.complaint.process;

import it.sportello.complaint.Complaints;
import it.sportello.processes.ProcedureProcesses.Beans;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The preliminary check dismissed the report. */
@Component(Beans.DISMISS_COMPLAINT)
class DismissComplaintDelegate implements JavaDelegate {

  private final Complaints complaints;

  DismissComplaintDelegate(Complaints complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    complaints.dismiss(execution.getProcessBusinessKey());
  }
}
