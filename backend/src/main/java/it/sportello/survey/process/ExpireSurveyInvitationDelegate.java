package it.sportello.survey.process;

import static it.sportello.processes.SatisfactionSurveyProcess.Variables.*;

import it.sportello.platform.process.TaskVariables;
import it.sportello.processes.SatisfactionSurveyProcess.Beans;
import it.sportello.survey.SatisfactionSurveys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** No answer within the period: the invitation's link stops working. */
@Component(Beans.EXPIRE_INVITATION)
class ExpireSurveyInvitationDelegate implements JavaDelegate {

  private final SatisfactionSurveys surveys;

  ExpireSurveyInvitationDelegate(SatisfactionSurveys surveys) {
    this.surveys = surveys;
  }

  @Override
  public void execute(DelegateExecution execution) {
    surveys.expire(TaskVariables.number(execution, INVITATION_ID));
  }
}
