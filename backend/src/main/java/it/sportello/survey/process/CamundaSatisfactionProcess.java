package it.sportello.survey.process;

import static it.sportello.processes.SatisfactionSurveyProcess.Variables.*;

import it.sportello.processes.SatisfactionSurveyProcess;
import it.sportello.survey.SurveyProcessPort;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Starts {@code satisfaction-survey} (the ticket number is the business key) and correlates the
 * answer to it by the invitation's id.
 */
@Component
class CamundaSatisfactionProcess implements SurveyProcessPort {

  private final RuntimeService runtimeService;

  CamundaSatisfactionProcess(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void start(String ticketNumber, Duration answerWithin) {
    runtimeService.startProcessInstanceByKey(
        SatisfactionSurveyProcess.PROCESS_KEY,
        ticketNumber,
        Map.of(ANSWER_WITHIN, answerWithin.toString()));
  }

  @Override
  public void answered(
      long invitationId, boolean lowScore, Instant followUpDueAt, Instant atRiskFrom) {
    runtimeService
        .createMessageCorrelation(SatisfactionSurveyProcess.MESSAGE_ANSWERED)
        .processInstanceVariableEquals(INVITATION_ID, invitationId)
        .setVariable(LOW_SCORE, lowScore)
        .setVariable(FOLLOW_UP_DUE_AT, Date.from(followUpDueAt))
        .setVariable(FOLLOW_UP_AT_RISK_FROM, Date.from(atRiskFrom))
        .correlate();
  }
}
