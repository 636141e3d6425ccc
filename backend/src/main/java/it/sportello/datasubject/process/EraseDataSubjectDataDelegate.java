package it.sportello.datasubject.process;

import it.sportello.datasubject.DataSubjectRequests;
import it.sportello.platform.process.TaskVariables;
import it.sportello.processes.DataSubjectRequestProcess.Beans;
import it.sportello.processes.DataSubjectRequestProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Erases or anonymises what may be erased about the person (a job, one transaction). */
@Component(Beans.ERASE_DATA)
class EraseDataSubjectDataDelegate implements JavaDelegate {

  private final DataSubjectRequests requests;

  EraseDataSubjectDataDelegate(DataSubjectRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.erase(requestId(execution));
  }

  private static long requestId(DelegateExecution execution) {
    return TaskVariables.number(execution, Variables.REQUEST_ID);
  }
}
