package it.sportello.reporting.web;

import it.sportello.reporting.CallResult;
import it.sportello.reporting.CallResult.Reason;
import it.sportello.reporting.CallTimes;
import it.sportello.reporting.SlaReports;
import it.sportello.reporting.TicketResult.Result;
import java.time.OffsetDateTime;

/**
 * One inbound call against one phone SLA, as the API and the exports show it.
 *
 * @param outcome ANSWERED, ABANDONED, UNANSWERED, BUSY; null while in progress
 * @param waitSeconds queue time in seconds
 * @param ticketLevel the level of the linked ticket now; solvedAtLevel the level it was solved at
 * @param overLimit waited longer than the SLA's limit
 */
record SlaCallRow(
    String sla,
    String callId,
    String queue,
    OffsetDateTime offeredAt,
    OffsetDateTime answeredAt,
    Integer waitSeconds,
    String outcome,
    String agent,
    String ticketNumber,
    Integer ticketLevel,
    Integer solvedAtLevel,
    Result result,
    Reason reason,
    boolean overLimit) {

  static final String[] HEADERS = {
    "SLA",
    "Call",
    "Queue",
    "Offered at",
    "Answered at",
    "Wait seconds",
    "Outcome",
    "Agent",
    "Ticket",
    "Ticket level",
    "Solved at level",
    "Result",
    "Reason",
    "Over limit"
  };

  static SlaCallRow of(CallResult result, SlaReports reports) {
    CallTimes call = result.call();
    return new SlaCallRow(
        result.sla(),
        call.callId(),
        call.queue(),
        reports.offset(call.offeredAt()),
        reports.offset(call.answeredAt()),
        call.waitSeconds(),
        call.outcome(),
        call.agent(),
        call.ticketNumber(),
        call.ticketLevel(),
        call.ticketSolvedAtLevel(),
        result.result(),
        result.reason(),
        result.overLimit());
  }

  /** The row as the CSV export writes it, in the order of {@link #HEADERS}. */
  String[] csv() {
    return new String[] {
      sla,
      callId,
      queue,
      text(offeredAt),
      text(answeredAt),
      text(waitSeconds),
      outcome,
      agent,
      ticketNumber,
      text(ticketLevel),
      text(solvedAtLevel),
      result.name(),
      text(reason),
      overLimit ? "yes" : "no"
    };
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
