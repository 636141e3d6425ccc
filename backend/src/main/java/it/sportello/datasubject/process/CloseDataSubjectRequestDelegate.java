package it.sportello.datasubject.process;

import it.sportello.datasubject.DataSubjectRequests;
import it.sportello.platform.process.TaskVariables;
import it.sportello.processes.DataSubjectRequestProcess.Beans;
import it.sportello.processes.DataSubjectRequestProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records that the officer answered the person: the request is closed. */
@Component(Beans.CLOSE_REQUEST)
class CloseDataSubjectRequestDelegate implements JavaDelegate {

  private final DataSubjectRequests requests;

  CloseDataSubjectRequestDelegate(DataSubjectRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.close(
        TaskVariables.number(execution, Variables.REQUEST_ID),
        TaskVariables.text(execution, Variables.ANSWERED_BY));
  }
}
