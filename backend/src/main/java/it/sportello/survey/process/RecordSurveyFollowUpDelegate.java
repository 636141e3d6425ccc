package it.sportello.survey.process;

import static it.sportello.processes.SatisfactionSurveyProcess.Variables.*;

import it.sportello.platform.process.TaskVariables;
import it.sportello.processes.SatisfactionSurveyProcess.Beans;
import it.sportello.survey.SatisfactionSurveys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the supervisor's follow-up of a low score (the note is a transient variable). */
@Component(Beans.RECORD_FOLLOW_UP)
class RecordSurveyFollowUpDelegate implements JavaDelegate {

  private final SatisfactionSurveys surveys;

  RecordSurveyFollowUpDelegate(SatisfactionSurveys surveys) {
    this.surveys = surveys;
  }

  @Override
  public void execute(DelegateExecution execution) {
    surveys.recordFollowUp(
        TaskVariables.number(execution, INVITATION_ID),
        TaskVariables.text(execution, FOLLOW_UP_OUTCOME),
        TaskVariables.text(execution, NOTE),
        TaskVariables.text(execution, FOLLOWED_UP_BY));
    execution.removeVariable(NOTE);
  }
}
