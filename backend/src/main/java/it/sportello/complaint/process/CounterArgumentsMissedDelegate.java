package it.sportello.complaint.process;

import it.sportello.complaint.Complaints;
import it.sportello.processes.ProcedureProcesses.Beans;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The supplier let the deadline for counter-arguments pass. */
@Component(Beans.COUNTER_ARGUMENTS_MISSED)
class CounterArgumentsMissedDelegate implements JavaDelegate {

  private final Complaints complaints;

  CounterArgumentsMissedDelegate(Complaints complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    complaints.counterArgumentsMissed(execution.getProcessBusinessKey());
  }
}
