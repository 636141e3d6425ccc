package it.sportello.survey;

import java.time.Instant;
import java.util.List;

/**
 * What supervisors choose about the satisfaction survey after a contact.
 *
 * @param questionnaireId the questionnaire that is the CSAT
 * @param channels the ticket channels whose closed tickets get the survey
 * @param scoreKey the key of the score question
 * @param lowScoreThreshold a score at or below it opens the supervisors' follow-up
 * @param answerWithinDays how long the link stays open
 */
public record SatisfactionSettings(
    boolean enabled,
    Long questionnaireId,
    List<String> channels,
    String scoreKey,
    int lowScoreThreshold,
    int answerWithinDays,
    String updatedBy,
    Instant updatedAt) {}
