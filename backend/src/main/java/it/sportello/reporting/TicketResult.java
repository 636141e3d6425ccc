package it.sportello.reporting;

import java.time.Duration;
import java.time.Instant;

/**
 * How one ticket fared against one contract SLA: the figure behind every number of the report.
 *
 * @param reachedAt when the target was reached (taken in charge, solved), or null
 * @param workingTime working time counted from reception to {@code reachedAt} (or to the report's
 *     instant if not reached), pauses already subtracted
 * @param pausedWorkingTime working time spent waiting for the requester in that window, not counted
 */
public record TicketResult(
    String sla,
    TicketTimes ticket,
    Result result,
    Reason reason,
    Instant reachedAt,
    Duration workingTime,
    Duration pausedWorkingTime) {

  /** Whether the ticket counts, and how. */
  public enum Result {
    MET,
    MISSED,
    /** Not counted (see the reason): neither numerator nor denominator. */
    EXCLUDED
  }

  /** Why a ticket is missed although open, or excluded. */
  public enum Reason {
    /** Missed: still open and already past its working-time target. */
    OPEN_OVERDUE,
    /** Excluded: still open and within its target; it will count when reached or overdue. */
    NOT_YET_DUE,
    /** Excluded: waiting for the requester, within its target (the clock is stopped). */
    WAITING_FOR_REQUESTER,
    /** Excluded: closed because the requester never sent the missing data. */
    CLOSED_FOR_NO_REPLY,
    /**
     * Excluded: closed by an operator because the requester's data were not enough to handle the
     * request (the data-integration procedure's negative end).
     */
    CLOSED_DATA_INCOMPLETE,
    /** Excluded: closed without reaching the target's event. */
    CLOSED_WITHOUT_EVENT
  }
}
