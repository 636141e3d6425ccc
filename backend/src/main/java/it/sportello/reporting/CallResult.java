package it.sportello.reporting;

import it.sportello.reporting.TicketResult.Result;

/**
 * How one inbound call fared against one phone SLA: the figure behind the phone numbers of the
 * report.
 *
 * @param overLimit the call waited longer than the SLA's {@code limit} (only {@code
 *     ANSWERED_WITHIN})
 */
public record CallResult(
    String sla, CallTimes call, Result result, Reason reason, boolean overLimit) {

  /** Why a call does not count for an SLA. */
  public enum Reason {
    /** Turned away: the line was busy (it counts only for the free-line SLA). */
    LINE_BUSY,
    /** The call ended without an answer: no queue time to judge, nothing to resolve. */
    NOT_ANSWERED,
    /** The call has not ended yet (or its end was not reported). */
    IN_PROGRESS,
    /** Answered, but no ticket was linked to the call: its resolution is unknown. */
    NO_TICKET,
    /**
     * Its ticket is still open at level 1: resolved at first contact or not, it is not known yet.
     */
    NOT_YET_SOLVED
  }
}
