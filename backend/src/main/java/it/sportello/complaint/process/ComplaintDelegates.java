package it.sportello.complaint.process;

import static it.sportello.processes.ProcedureProcesses.Variables.*;

import it.sportello.complaint.Complaints;
import it.sportello.complaint.Complaints.NoticeDeadlines;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of the {@code complaint} process: one use case each. */
@Configuration(proxyBeanMethods = false)
class ComplaintDelegates {

  @Bean
  JavaDelegate dismissComplaintDelegate(Complaints complaints) {
    return execution -> complaints.dismiss(execution.getProcessBusinessKey());
  }

  @Bean
  JavaDelegate sendFormalNoticeDelegate(Complaints complaints) {
    return execution -> {
      NoticeDeadlines deadlines = complaints.sendFormalNotice(execution.getProcessBusinessKey());
      execution.setVariable(COUNTER_ARGUMENTS_DUE_AT, Date.from(deadlines.counterArgumentsDueAt()));
      execution.setVariable(EVALUATION_DUE_AT, Date.from(deadlines.evaluationDueAt()));
      execution.setVariable(EVALUATION_FOLLOW_UP_AT, Date.from(deadlines.evaluationFollowUpAt()));
    };
  }

  @Bean
  JavaDelegate counterArgumentsMissedDelegate(Complaints complaints) {
    return execution -> complaints.counterArgumentsMissed(execution.getProcessBusinessKey());
  }

  @Bean
  JavaDelegate notifyDecisionDelegate(Complaints complaints) {
    return execution -> complaints.notifyDecisionAndClose(execution.getProcessBusinessKey());
  }
}
