package it.sportello.datasubject.process;

import it.sportello.datasubject.DataSubjectRequests;
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
    Object answeredBy = execution.getVariable(Variables.ANSWERED_BY);
    requests.close(
        ((Number) execution.getVariable(Variables.REQUEST_ID)).longValue(),
        answeredBy == null ? null : answeredBy.toString());
  }
}
