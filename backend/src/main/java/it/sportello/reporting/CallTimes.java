package it.sportello.reporting;

import java.time.Instant;

/**
 * What the phone service levels need of one inbound call: its times and outcome from the telephony
 * platform, and the level its ticket was solved at (if the operator linked one).
 *
 * @param outcome ANSWERED, ABANDONED, UNANSWERED, BUSY; null while the call is in progress
 * @param waitSeconds queue time: until the answer, or until the caller hung up or the call ended
 * @param ticketLevel the ticket's current level (1 unless escalated), null without a ticket
 * @param ticketSolvedAtLevel the level the ticket was solved at, null if not solved yet
 */
public record CallTimes(
    long id,
    String callId,
    String queue,
    Instant offeredAt,
    Instant answeredAt,
    Instant endedAt,
    Integer waitSeconds,
    String outcome,
    String agent,
    String ticketNumber,
    String ticketType,
    Integer ticketLevel,
    Integer ticketSolvedAtLevel) {

  public boolean isBusy() {
    return "BUSY".equals(outcome);
  }

  public boolean isAnswered() {
    return "ANSWERED".equals(outcome);
  }

  public boolean isAbandoned() {
    return "ABANDONED".equals(outcome);
  }
}
