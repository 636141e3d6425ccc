package it.sportello.datasubject.process;

import it.sportello.datasubject.DataSubjectRequests;
import it.sportello.platform.process.TaskVariables;
import it.sportello.processes.DataSubjectRequestProcess.Beans;
import it.sportello.processes.DataSubjectRequestProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Produces the access export (a job: retried, its progress visible while it runs). */
@Component(Beans.PRODUCE_EXPORT)
class ProduceDataSubjectExportDelegate implements JavaDelegate {

  private final DataSubjectRequests requests;

  ProduceDataSubjectExportDelegate(DataSubjectRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.produceExport(requestId(execution));
  }

  private static long requestId(DelegateExecution execution) {
    return TaskVariables.number(execution, Variables.REQUEST_ID);
  }
}
