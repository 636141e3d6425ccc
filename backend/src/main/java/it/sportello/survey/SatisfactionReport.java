package it.sportello.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The satisfaction survey's results for the invitations made in a period (days in the service
 * calendar's zone, both ends included), overall and per operator, queue and channel, with the
 * answers behind every figure.
 */
public record SatisfactionReport(
    LocalDate from,
    LocalDate to,
    SatisfactionFigures total,
    List<SatisfactionGroup> byOperator,
    List<SatisfactionGroup> byQueue,
    List<SatisfactionGroup> byChannel,
    List<SatisfactionAnswer> answers) {

  /**
   * @param invited invitations sent (not counting opted-out requesters)
   * @param answered of which answered
   * @param averageScore the average score of the answers (null without answers)
   * @param lowScores answers at or below the low-score threshold
   */
  public record SatisfactionFigures(
      long invited, long answered, Double averageScore, long lowScores) {}

  /** The figures of one operator, queue or channel ({@code key} null: none recorded). */
  public record SatisfactionGroup(String key, SatisfactionFigures figures) {}

  /** One answered invitation: whose ticket, the score and every answer per question. */
  public record SatisfactionAnswer(
      String ticketNumber,
      String operator,
      String queue,
      String channel,
      int questionnaireVersion,
      Instant answeredAt,
      Integer score,
      boolean lowScore,
      String followUpOutcome,
      Map<String, List<String>> answers) {}
}
