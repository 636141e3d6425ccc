package it.sportello.reporting.web;

import it.sportello.reporting.SlaReports;
import it.sportello.reporting.TicketResult;
import it.sportello.reporting.TicketResult.Reason;
import it.sportello.reporting.TicketResult.Result;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * One ticket against one contract SLA, as the API and the exports show it.
 *
 * @param workingTime working time counted (pauses subtracted), ISO-8601
 * @param pausedWorkingTime working time spent waiting for the requester, not counted
 */
record SlaTicketRow(
    String sla,
    String number,
    String channel,
    String queue,
    String type,
    String status,
    String outcome,
    OffsetDateTime receivedAt,
    OffsetDateTime reachedAt,
    Duration workingTime,
    Duration pausedWorkingTime,
    Result result,
    Reason reason) {

  static SlaTicketRow of(TicketResult result, SlaReports reports) {
    var ticket = result.ticket();
    return new SlaTicketRow(
        result.sla(),
        ticket.number(),
        ticket.channel(),
        ticket.queue(),
        ticket.type(),
        ticket.status(),
        ticket.outcome(),
        reports.offset(ticket.receivedAt()),
        reports.offset(result.reachedAt()),
        result.workingTime(),
        result.pausedWorkingTime(),
        result.result(),
        result.reason());
  }

  static final String[] HEADERS = {
    "SLA",
    "Ticket",
    "Channel",
    "Queue",
    "Type",
    "Status",
    "Outcome",
    "Received at",
    "Reached at",
    "Working hours",
    "Paused working hours",
    "Result",
    "Reason"
  };

  /** The row as the CSV export writes it, in the order of {@link #HEADERS}. */
  String[] csv() {
    return new String[] {
      sla,
      number,
      channel,
      queue,
      type,
      status,
      outcome,
      receivedAt == null ? null : receivedAt.toString(),
      reachedAt == null ? null : reachedAt.toString(),
      String.format(Locale.ROOT, "%.4f", hours(workingTime)),
      String.format(Locale.ROOT, "%.4f", hours(pausedWorkingTime)),
      result.name(),
      reason == null ? null : reason.name()
    };
  }

  /** Working time in hours with decimals, as the exports show it. */
  static double hours(Duration duration) {
    return duration.toMillis() / 3_600_000d;
  }
}
