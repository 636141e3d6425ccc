package it.sportello.complaint.process;

import static it.sportello.processes.ProcedureProcesses.Variables.COUNTER_ARGUMENTS_DUE_AT;
import static it.sportello.processes.ProcedureProcesses.Variables.EVALUATION_DUE_AT;
import static it.sportello.processes.ProcedureProcesses.Variables.EVALUATION_FOLLOW_UP_AT;

import it.sportello.complaint.Complaints;
import it.sportello.complaint.Complaints.NoticeDeadlines;
import it.sportello.processes.ProcedureProcesses.Beans;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the formal notice and sets the deadlines it opens. */
@Component(Beans.SEND_FORMAL_NOTICE)
class SendFormalNoticeDelegate implements JavaDelegate {

  private final Complaints complaints;

  SendFormalNoticeDelegate(Complaints complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NoticeDeadlines deadlines = complaints.sendFormalNotice(execution.getProcessBusinessKey());
    execution.setVariable(COUNTER_ARGUMENTS_DUE_AT, Date.from(deadlines.counterArgumentsDueAt()));
    execution.setVariable(EVALUATION_DUE_AT, Date.from(deadlines.evaluationDueAt()));
    execution.setVariable(EVALUATION_FOLLOW_UP_AT, Date.from(deadlines.evaluationFollowUpAt()));
  }
}
