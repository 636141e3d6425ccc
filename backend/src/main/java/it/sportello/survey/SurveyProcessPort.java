package it.sportello.survey;

import java.time.Duration;
import java.time.Instant;

/** The satisfaction survey's process, behind a port (the engine lives in {@code process}). */
public interface SurveyProcessPort {

  /** Starts {@code satisfaction-survey} for a closed ticket (its number is the business key). */
  void start(String ticketNumber, Duration answerWithin);

  /** The requester answered: the process goes on, to the follow-up when the score is low. */
  void answered(long invitationId, boolean lowScore, Instant followUpDueAt, Instant atRiskFrom);
}
