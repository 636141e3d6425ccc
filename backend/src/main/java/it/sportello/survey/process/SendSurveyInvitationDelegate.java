package it.sportello.survey.process;

import static it.sportello.processes.SatisfactionSurveyProcess.Variables.*;

import it.sportello.processes.SatisfactionSurveyProcess.Beans;
import it.sportello.survey.SatisfactionSurveys;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Invites the requester of the closed ticket (the business key); not when they opted out. */
@Component(Beans.SEND_INVITATION)
class SendSurveyInvitationDelegate implements JavaDelegate {

  private final SatisfactionSurveys surveys;

  SendSurveyInvitationDelegate(SatisfactionSurveys surveys) {
    this.surveys = surveys;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Optional<Long> invitation = surveys.invite(execution.getProcessBusinessKey());
    invitation.ifPresent(id -> execution.setVariable(INVITATION_ID, id));
    execution.setVariable(INVITATION_SENT, invitation.isPresent());
  }
}
