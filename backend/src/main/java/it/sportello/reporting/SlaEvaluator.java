package it.sportello.reporting;

import it.sportello.reporting.ReportingProperties.ContractSla;
import it.sportello.reporting.ReportingProperties.Measure;
import it.sportello.reporting.TicketResult.Reason;
import it.sportello.reporting.TicketResult.Result;
import it.sportello.sla.ServiceCalendar;
import it.sportello.sla.SlaProperties.Start;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Judges one ticket against one contract SLA on the service calendar the timers use: the working
 * time from reception to the target's event (taken in charge, solved), minus the working time spent
 * waiting for the requester, against the SLA's target. Exactly on target is met. Plain Java.
 */
public final class SlaEvaluator {

  private final ServiceCalendar calendar;
  private final Instant asOf;

  /**
   * @param asOf the instant the report is made at: open tickets are judged on the time elapsed so
   *     far
   */
  public SlaEvaluator(ServiceCalendar calendar, Instant asOf) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.asOf = Objects.requireNonNull(asOf, "asOf");
  }

  public TicketResult evaluate(ContractSla sla, TicketTimes ticket) {
    if (!sla.measuresTickets()) {
      throw new IllegalArgumentException(sla.code() + " does not measure tickets");
    }
    Instant reachedAt =
        switch (sla.measure()) {
          case TAKEN_IN_CHARGE_WITHIN -> ticket.takenInChargeAt();
          case SOLVED_WITHIN -> ticket.resolvedAt();
          default -> throw new IllegalStateException();
        };
    Instant start = clockStart(sla, ticket);
    Instant end = reachedAt != null ? reachedAt : (ticket.isClosed() ? ticket.closedAt() : asOf);
    if (end == null || end.isBefore(start)) {
      end = start;
    }
    Duration paused = pausedWorkingTime(ticket, start, end);
    Duration working = calendar.workingTimeBetween(start, end).minus(paused);
    boolean late = working.compareTo(sla.within()) > 0;
    Result result;
    Reason reason = null;
    if (reachedAt != null) {
      result = late ? Result.MISSED : Result.MET;
    } else if (ticket.isClosed()) {
      result = Result.EXCLUDED;
      reason =
          switch (ticket.outcome() == null ? "" : ticket.outcome()) {
            case "CLOSED_FOR_NO_REPLY" -> Reason.CLOSED_FOR_NO_REPLY;
            case "CLOSED_DATA_INCOMPLETE" -> Reason.CLOSED_DATA_INCOMPLETE;
            default -> Reason.CLOSED_WITHOUT_EVENT;
          };
    } else if (late) {
      result = Result.MISSED;
      reason = Reason.OPEN_OVERDUE;
    } else {
      result = Result.EXCLUDED;
      reason = ticket.isPaused() ? Reason.WAITING_FOR_REQUESTER : Reason.NOT_YET_DUE;
    }
    return new TicketResult(sla.code(), ticket, result, reason, reachedAt, working, paused);
  }

  /**
   * Reception, or for a channel whose take-in-charge clock starts on the next working day
   * (voicemail) the first opening of that day, as the ticket's timers count it.
   */
  private Instant clockStart(ContractSla sla, TicketTimes ticket) {
    if (sla.measure() == Measure.TAKEN_IN_CHARGE_WITHIN
        && sla.clockStart(ticket.channel()) == Start.NEXT_WORKING_DAY) {
      return calendar.firstOpeningOfNextWorkingDay(ticket.receivedAt());
    }
    return ticket.receivedAt();
  }

  /** The working time of the ticket's pauses that falls inside {@code [from, to)}. */
  private Duration pausedWorkingTime(TicketTimes ticket, Instant from, Instant to) {
    Duration total = Duration.ZERO;
    for (TicketTimes.Pause pause : ticket.pauses()) {
      Instant start = pause.from().isAfter(from) ? pause.from() : from;
      Instant pauseEnd = pause.to() != null ? pause.to() : asOf;
      Instant stop = pauseEnd.isBefore(to) ? pauseEnd : to;
      total = total.plus(calendar.workingTimeBetween(start, stop));
    }
    return total;
  }
}
