package it.sportello.reporting;

import it.sportello.reporting.CallResult.Reason;
import it.sportello.reporting.ReportingProperties.ContractSla;
import it.sportello.reporting.TicketResult.Result;

/**
 * Judges one inbound call against one phone SLA. Plain Java, like {@link SlaEvaluator}:
 *
 * <ul>
 *   <li>{@code LINE_FREE}: met unless the call was turned away busy;
 *   <li>{@code ANSWERED_WITHIN}: answered calls, met when the queue time is under {@code within}
 *       (29 s met, 30 s missed for 30 s), beyond {@code limit} also over the limit;
 *   <li>{@code ABANDONED}: calls that queued, missed when the caller hung up before an answer;
 *   <li>{@code FIRST_CONTACT_RESOLUTION}: answered calls whose ticket was solved at level 1 and
 *       never escalated, missed when it went beyond level 1.
 * </ul>
 */
public final class CallEvaluator {

  private CallEvaluator() {}

  public static CallResult evaluate(ContractSla sla, CallTimes call) {
    return switch (sla.measure()) {
      case LINE_FREE -> result(sla, call, call.isBusy() ? Result.MISSED : Result.MET, null);
      case ANSWERED_WITHIN -> answeredWithin(sla, call);
      case ABANDONED -> abandoned(sla, call);
      case FIRST_CONTACT_RESOLUTION -> firstContact(sla, call);
      default -> throw new IllegalArgumentException(sla.code() + " does not measure calls");
    };
  }

  private static CallResult answeredWithin(ContractSla sla, CallTimes call) {
    Reason excluded = unanswered(call);
    if (excluded != null) {
      return result(sla, call, Result.EXCLUDED, excluded);
    }
    long wait = call.waitSeconds() == null ? 0 : call.waitSeconds();
    boolean met = wait < sla.within().toSeconds();
    boolean overLimit = sla.limit() != null && wait > sla.limit().toSeconds();
    return new CallResult(sla.code(), call, met ? Result.MET : Result.MISSED, null, overLimit);
  }

  private static CallResult abandoned(ContractSla sla, CallTimes call) {
    if (call.isBusy()) {
      return result(sla, call, Result.EXCLUDED, Reason.LINE_BUSY);
    }
    if (call.outcome() == null) {
      return result(sla, call, Result.EXCLUDED, Reason.IN_PROGRESS);
    }
    return result(sla, call, call.isAbandoned() ? Result.MISSED : Result.MET, null);
  }

  private static CallResult firstContact(ContractSla sla, CallTimes call) {
    Reason excluded = unanswered(call);
    if (excluded == null && call.ticketNumber() == null) {
      excluded = Reason.NO_TICKET;
    }
    if (excluded != null) {
      return result(sla, call, Result.EXCLUDED, excluded);
    }
    boolean beyondFirstLevel =
        (call.ticketLevel() != null && call.ticketLevel() > 1)
            || (call.ticketSolvedAtLevel() != null && call.ticketSolvedAtLevel() > 1);
    if (beyondFirstLevel) {
      return result(sla, call, Result.MISSED, null);
    }
    if (call.ticketSolvedAtLevel() == null) {
      return result(sla, call, Result.EXCLUDED, Reason.NOT_YET_SOLVED);
    }
    return result(sla, call, Result.MET, null);
  }

  /** Why a call has no answer to judge, or null if it was answered. */
  private static Reason unanswered(CallTimes call) {
    if (call.isAnswered()) {
      return null;
    }
    if (call.isBusy()) {
      return Reason.LINE_BUSY;
    }
    return call.outcome() == null ? Reason.IN_PROGRESS : Reason.NOT_ANSWERED;
  }

  private static CallResult result(ContractSla sla, CallTimes call, Result result, Reason reason) {
    return new CallResult(sla.code(), call, result, reason, false);
  }
}
