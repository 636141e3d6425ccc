package it.sportello.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.reporting.CallResult.Reason;
import it.sportello.reporting.ReportingProperties.Comparison;
import it.sportello.reporting.ReportingProperties.ContractSla;
import it.sportello.reporting.ReportingProperties.Measure;
import it.sportello.reporting.ReportingProperties.PenaltyRounding;
import it.sportello.reporting.TicketResult.Result;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each phone SLA's verdict on single calls, by hand. */
class CallEvaluatorTest {

  static final ContractSla LINE_FREE = sla("SLA.C.1", Measure.LINE_FREE, null, null, "90");
  static final ContractSla QUEUE_TIME =
      sla("SLA.C.2", Measure.ANSWERED_WITHIN, Duration.ofSeconds(30), Duration.ofSeconds(90), "90");
  static final ContractSla ABANDONED = sla("SLA.C.3", Measure.ABANDONED, null, null, "5");
  static final ContractSla FIRST_CONTACT =
      sla("SLA.C.4", Measure.FIRST_CONTACT_RESOLUTION, null, null, "80");

  @Test
  void underThirtySecondsIsMetThirtyIsMissedOverNinetyIsOverTheLimit() {
    assertThat(CallEvaluator.evaluate(QUEUE_TIME, answered(29, null, null, null)).result())
        .isEqualTo(Result.MET);
    CallResult thirty = CallEvaluator.evaluate(QUEUE_TIME, answered(30, null, null, null));
    assertThat(thirty.result()).isEqualTo(Result.MISSED);
    assertThat(thirty.overLimit()).isFalse();
    assertThat(CallEvaluator.evaluate(QUEUE_TIME, answered(90, null, null, null)).overLimit())
        .isFalse();
    CallResult ninetyOne = CallEvaluator.evaluate(QUEUE_TIME, answered(91, null, null, null));
    assertThat(ninetyOne.result()).isEqualTo(Result.MISSED);
    assertThat(ninetyOne.overLimit()).isTrue();
  }

  @Test
  void aBusyLineMissesTheFreeLineLevelAndIsLeftOutOfTheOthers() {
    CallTimes busy = call("BUSY", 0, null, null, null);

    assertThat(CallEvaluator.evaluate(LINE_FREE, busy).result()).isEqualTo(Result.MISSED);
    for (ContractSla other : new ContractSla[] {QUEUE_TIME, ABANDONED, FIRST_CONTACT}) {
      CallResult result = CallEvaluator.evaluate(other, busy);
      assertThat(result.result()).as(other.code()).isEqualTo(Result.EXCLUDED);
      assertThat(result.reason()).as(other.code()).isEqualTo(Reason.LINE_BUSY);
    }
    assertThat(CallEvaluator.evaluate(LINE_FREE, answered(5, null, null, null)).result())
        .isEqualTo(Result.MET);
  }

  @Test
  void abandonedCallsAreTheMissesOfTheAbandonLevelLostOnesAreNot() {
    assertThat(CallEvaluator.evaluate(ABANDONED, call("ABANDONED", 40, null, null, null)).result())
        .isEqualTo(Result.MISSED);
    assertThat(
            CallEvaluator.evaluate(ABANDONED, call("UNANSWERED", 200, null, null, null)).result())
        .isEqualTo(Result.MET);
    assertThat(CallEvaluator.evaluate(ABANDONED, call(null, null, null, null, null)).reason())
        .isEqualTo(Reason.IN_PROGRESS);
    CallResult abandoned =
        CallEvaluator.evaluate(QUEUE_TIME, call("ABANDONED", 40, null, null, null));
    assertThat(abandoned.result()).isEqualTo(Result.EXCLUDED);
    assertThat(abandoned.reason()).isEqualTo(Reason.NOT_ANSWERED);
  }

  @Test
  void firstContactResolutionFollowsTheLinkedTicketsLevel() {
    assertThat(CallEvaluator.evaluate(FIRST_CONTACT, answered(5, "RS-1", 1, 1)).result())
        .isEqualTo(Result.MET);
    assertThat(CallEvaluator.evaluate(FIRST_CONTACT, answered(5, "RS-2", 2, null)).result())
        .as("escalated, still open")
        .isEqualTo(Result.MISSED);
    assertThat(CallEvaluator.evaluate(FIRST_CONTACT, answered(5, "RS-3", 2, 2)).result())
        .as("solved at level 2")
        .isEqualTo(Result.MISSED);
    assertThat(CallEvaluator.evaluate(FIRST_CONTACT, answered(5, "RS-4", 1, null)).reason())
        .isEqualTo(Reason.NOT_YET_SOLVED);
    assertThat(CallEvaluator.evaluate(FIRST_CONTACT, answered(5, null, null, null)).reason())
        .isEqualTo(Reason.NO_TICKET);
  }

  private static CallTimes answered(
      int waitSeconds, String ticket, Integer level, Integer solvedAtLevel) {
    return call("ANSWERED", waitSeconds, ticket, level, solvedAtLevel);
  }

  private static CallTimes call(
      String outcome, Integer waitSeconds, String ticket, Integer level, Integer solvedAtLevel) {
    Instant offered = Instant.parse("2026-11-02T08:00:00Z");
    return new CallTimes(
        1,
        "call-1",
        "general",
        offered,
        "ANSWERED".equals(outcome) ? offered.plusSeconds(waitSeconds) : null,
        null,
        waitSeconds,
        outcome,
        "operator1",
        ticket,
        ticket == null ? null : "Q",
        level,
        solvedAtLevel);
  }

  private static ContractSla sla(
      String code, Measure measure, Duration within, Duration limit, String threshold) {
    return new ContractSla(
        code,
        code,
        measure,
        within,
        limit,
        Set.of(),
        null,
        new BigDecimal(threshold),
        measure == Measure.ABANDONED ? Comparison.AT_MOST : Comparison.AT_LEAST,
        null,
        new BigDecimal("500.00"),
        PenaltyRounding.STARTED_POINT);
  }
}
