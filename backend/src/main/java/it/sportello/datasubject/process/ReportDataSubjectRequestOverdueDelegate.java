package it.sportello.datasubject.process;

import it.sportello.datasubject.DataSubjectRequests;
import it.sportello.platform.process.TaskVariables;
import it.sportello.processes.DataSubjectRequestProcess.Beans;
import it.sportello.processes.DataSubjectRequestProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Marks the request overdue and tells the data protection officers. */
@Component(Beans.REPORT_OVERDUE)
class ReportDataSubjectRequestOverdueDelegate implements JavaDelegate {

  private final DataSubjectRequests requests;

  ReportDataSubjectRequestOverdueDelegate(DataSubjectRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.reportOverdue(requestId(execution));
  }

  private static long requestId(DelegateExecution execution) {
    return TaskVariables.number(execution, Variables.REQUEST_ID);
  }
}
