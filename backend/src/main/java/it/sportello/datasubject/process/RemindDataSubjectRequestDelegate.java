package it.sportello.datasubject.process;

import it.sportello.datasubject.DataSubjectRequests;
import it.sportello.platform.process.TaskVariables;
import it.sportello.processes.DataSubjectRequestProcess.Beans;
import it.sportello.processes.DataSubjectRequestProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the data protection officers that the request's deadline is near. */
@Component(Beans.REMIND_DPO)
class RemindDataSubjectRequestDelegate implements JavaDelegate {

  private final DataSubjectRequests requests;

  RemindDataSubjectRequestDelegate(DataSubjectRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.remind(requestId(execution));
  }

  private static long requestId(DelegateExecution execution) {
    return TaskVariables.number(execution, Variables.REQUEST_ID);
  }
}
