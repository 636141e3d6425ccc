package it.sportello.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.reporting.ReportingProperties.Comparison;
import it.sportello.reporting.ReportingProperties.ContractSla;
import it.sportello.reporting.ReportingProperties.Measure;
import it.sportello.reporting.ReportingProperties.Overflow;
import it.sportello.reporting.ReportingProperties.PenaltyRounding;
import it.sportello.reporting.SlaFigures.Status;
import it.sportello.reporting.TicketResult.Reason;
import it.sportello.reporting.TicketResult.Result;
import it.sportello.ticket.domain.Channel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Monthly figures from per-ticket results: value, overflow, verdict, penalty, by hand. */
class SlaTallyTest {

  static final Overflow TEN_PERCENT_ONE_POINT = new Overflow(10, BigDecimal.ONE);

  @Test
  void volumeOverPlanLowersTheThresholdOnePointPerWholeTenPercent() {
    // plan 1000, received 1250 (+25%: two whole steps) → 80% becomes 78%; 975 of 1250 = 78%: met
    SlaTally tally = new SlaTally(sla("80", 1000L, PenaltyRounding.STARTED_POINT));
    add(tally, Result.MET, 975);
    add(tally, Result.MISSED, 275);

    SlaFigures figures = tally.figures(TEN_PERCENT_ONE_POINT);

    assertThat(figures.volume()).isEqualTo(1250);
    assertThat(figures.overflowPoints()).isEqualByComparingTo("2");
    assertThat(figures.adjustedThreshold()).isEqualByComparingTo("78");
    assertThat(figures.value()).isEqualByComparingTo("78.00");
    assertThat(figures.status()).isEqualTo(Status.MET);
    assertThat(figures.penalty()).isEqualByComparingTo("0");
  }

  @Test
  void volumeUpToPlanPlusJustUnderTenPercentKeepsTheThreshold() {
    SlaTally tally = new SlaTally(sla("80", 1000L, PenaltyRounding.STARTED_POINT));
    add(tally, Result.MET, 1099);

    assertThat(tally.figures(TEN_PERCENT_ONE_POINT).adjustedThreshold()).isEqualByComparingTo("80");
  }

  @Test
  void aFractionOfAPointCostsAWholePointOrItsShare() {
    // 159 of 200 = 79.5%: half a point below 80
    SlaTally started = new SlaTally(sla("80", null, PenaltyRounding.STARTED_POINT));
    SlaTally proRata = new SlaTally(sla("80", null, PenaltyRounding.PRO_RATA));
    for (SlaTally tally : List.of(started, proRata)) {
      add(tally, Result.MET, 159);
      add(tally, Result.MISSED, 41);
    }

    SlaFigures whole = started.figures(TEN_PERCENT_ONE_POINT);
    SlaFigures share = proRata.figures(TEN_PERCENT_ONE_POINT);

    assertThat(whole.value()).isEqualByComparingTo("79.50");
    assertThat(whole.status()).isEqualTo(Status.MISSED);
    assertThat(whole.shortfallPoints()).isEqualByComparingTo("0.50");
    assertThat(whole.penaltyPoints()).isEqualByComparingTo("1");
    assertThat(whole.penalty()).isEqualByComparingTo("500.00");
    assertThat(share.penaltyPoints()).isEqualByComparingTo("0.50");
    assertThat(share.penalty()).isEqualByComparingTo("250.00");
  }

  @Test
  void aHundredPercentTargetMissedByOneTicketInFifty() {
    SlaTally tally = new SlaTally(sla("100", null, PenaltyRounding.STARTED_POINT));
    add(tally, Result.MET, 49);
    add(tally, Result.MISSED, 1);

    SlaFigures figures = tally.figures(TEN_PERCENT_ONE_POINT);

    assertThat(figures.value()).isEqualByComparingTo("98.00");
    assertThat(figures.penaltyPoints()).isEqualByComparingTo("2");
    assertThat(figures.penalty()).isEqualByComparingTo("2000.00");
  }

  @Test
  void excludedTicketsCountInTheVolumeButNotInTheValue() {
    SlaTally tally = new SlaTally(sla("80", null, PenaltyRounding.STARTED_POINT));
    add(tally, Result.MET, 4);
    add(tally, Result.MISSED, 1);
    tally.add(result(Result.EXCLUDED, Reason.NOT_YET_DUE, "PEC"));

    SlaFigures figures = tally.figures(TEN_PERCENT_ONE_POINT);

    assertThat(figures.volume()).isEqualTo(6);
    assertThat(figures.value()).isEqualByComparingTo("80.00");
    assertThat(figures.excludedByReason()).containsEntry("NOT_YET_DUE", 1L);
    assertThat(figures.breakdown().get("channel"))
        .extracting(SlaFigures.Group::key)
        .containsExactly("EMAIL", "PEC");
  }

  @Test
  void withoutCountedTicketsThereIsNoDataAndNoPenalty() {
    SlaTally tally = new SlaTally(sla("80", null, PenaltyRounding.STARTED_POINT));
    tally.add(result(Result.EXCLUDED, Reason.NOT_YET_DUE, "EMAIL"));

    SlaFigures figures = tally.figures(TEN_PERCENT_ONE_POINT);

    assertThat(figures.status()).isEqualTo(Status.NO_DATA);
    assertThat(figures.value()).isNull();
    assertThat(figures.penalty()).isEqualByComparingTo("0");
  }

  @Test
  void anAtMostLevelIsValuedOnItsMissesAbandonedCallsOverQueuedOnes() {
    // 3 abandoned of 50 queued = 6% > 5%: one point over; plan 40, 50 queued (+25%: 2 steps) → 7%
    SlaTally tally = new SlaTally(callSla(Measure.ABANDONED, "5", Comparison.AT_MOST, null, 40L));
    addCalls(tally, Result.MET, 47, false);
    addCalls(tally, Result.MISSED, 3, false);

    SlaFigures figures = tally.figures(TEN_PERCENT_ONE_POINT);

    assertThat(figures.value()).isEqualByComparingTo("6.00");
    assertThat(figures.adjustedThreshold()).isEqualByComparingTo("7");
    assertThat(figures.status()).isEqualTo(Status.MET);

    SlaTally withoutPlan =
        new SlaTally(callSla(Measure.ABANDONED, "5", Comparison.AT_MOST, null, null));
    addCalls(withoutPlan, Result.MET, 47, false);
    addCalls(withoutPlan, Result.MISSED, 3, false);
    SlaFigures missed = withoutPlan.figures(TEN_PERCENT_ONE_POINT);
    assertThat(missed.status()).isEqualTo(Status.MISSED);
    assertThat(missed.shortfallPoints()).isEqualByComparingTo("1.00");
    assertThat(missed.penalty()).isEqualByComparingTo("500.00");
    assertThat(missed.breakdown().get("channel"))
        .singleElement()
        .satisfies(group -> assertThat(group.value()).isEqualByComparingTo("6.00"));
  }

  @Test
  void oneCallOverTheLimitMissesTheQueueTimeLevelEvenAboveItsThreshold() {
    // 95 of 100 answered under 30 s (95% ≥ 90%), but one waited 120 s: 99% within 90 s → 1 point
    SlaTally tally =
        new SlaTally(
            callSla(
                Measure.ANSWERED_WITHIN, "90", Comparison.AT_LEAST, Duration.ofSeconds(90), null));
    addCalls(tally, Result.MET, 95, false);
    addCalls(tally, Result.MISSED, 4, false);
    addCalls(tally, Result.MISSED, 1, true);

    SlaFigures figures = tally.figures(TEN_PERCENT_ONE_POINT);

    assertThat(figures.value()).isEqualByComparingTo("95.00");
    assertThat(figures.overLimit()).isEqualTo(1);
    assertThat(figures.withinLimit()).isEqualByComparingTo("99.00");
    assertThat(figures.status()).isEqualTo(Status.MISSED);
    assertThat(figures.shortfallPoints()).isEqualByComparingTo("1.00");
    assertThat(figures.penalty()).isEqualByComparingTo("500.00");
  }

  @Test
  void theLargerGapOfThresholdAndLimitIsTheShortfall() {
    // 80 of 100 under 30 s (10 points under 90%), 2 over 90 s (2 points under 100%) → 10 points
    SlaTally tally =
        new SlaTally(
            callSla(
                Measure.ANSWERED_WITHIN, "90", Comparison.AT_LEAST, Duration.ofSeconds(90), null));
    addCalls(tally, Result.MET, 80, false);
    addCalls(tally, Result.MISSED, 18, false);
    addCalls(tally, Result.MISSED, 2, true);

    SlaFigures figures = tally.figures(TEN_PERCENT_ONE_POINT);

    assertThat(figures.shortfallPoints()).isEqualByComparingTo("10.00");
    assertThat(figures.penaltyPoints()).isEqualByComparingTo("10");
  }

  @Test
  void theOverflowLowersTheLimitsHundredPercentToo() {
    // plan 80 calls, 100 answered (+25%: 2 points): 96 under 30 s (≥ 88%), 2 over 90 s: 98% within
    // the limit meets the lowered 98%
    SlaTally tally =
        new SlaTally(
            callSla(
                Measure.ANSWERED_WITHIN, "90", Comparison.AT_LEAST, Duration.ofSeconds(90), 80L));
    addCalls(tally, Result.MET, 96, false);
    addCalls(tally, Result.MISSED, 2, true);
    addCalls(tally, Result.MISSED, 2, false);

    SlaFigures figures = tally.figures(TEN_PERCENT_ONE_POINT);

    assertThat(figures.adjustedThreshold()).isEqualByComparingTo("88");
    assertThat(figures.withinLimit()).isEqualByComparingTo("98.00");
    assertThat(figures.status()).isEqualTo(Status.MET);
  }

  private static void addCalls(SlaTally tally, Result result, int times, boolean overLimit) {
    CallTimes call =
        new CallTimes(
            1,
            "c-1",
            "general",
            Instant.EPOCH,
            null,
            null,
            0,
            "ANSWERED",
            null,
            null,
            null,
            null,
            null);
    for (int i = 0; i < times; i++) {
      tally.add(new CallResult("SLA.C", call, result, null, overLimit));
    }
  }

  private static ContractSla callSla(
      Measure measure, String threshold, Comparison comparison, Duration limit, Long plan) {
    return new ContractSla(
        "SLA.C",
        "test",
        measure,
        measure == Measure.ANSWERED_WITHIN ? Duration.ofSeconds(30) : null,
        limit,
        Set.of(),
        null,
        new BigDecimal(threshold),
        comparison,
        plan,
        new BigDecimal("500.00"),
        PenaltyRounding.STARTED_POINT);
  }

  private static void add(SlaTally tally, Result result, int times) {
    for (int i = 0; i < times; i++) {
      tally.add(result(result, null, "EMAIL"));
    }
  }

  private static TicketResult result(Result result, Reason reason, String channel) {
    TicketTimes ticket =
        new TicketTimes(
            1,
            "RS-1",
            channel,
            "general",
            "Q",
            "OPEN",
            null,
            Instant.EPOCH,
            null,
            null,
            null,
            List.of());
    return new TicketResult("SLA.X", ticket, result, reason, null, Duration.ZERO, Duration.ZERO);
  }

  private static ContractSla sla(String threshold, Long plan, PenaltyRounding rounding) {
    return new ContractSla(
        "SLA.X",
        "test",
        Measure.SOLVED_WITHIN,
        Duration.ofHours(24),
        Set.of(Channel.EMAIL, Channel.PEC),
        new BigDecimal(threshold),
        Comparison.AT_LEAST,
        plan,
        new BigDecimal(threshold.equals("100") ? "1000.00" : "500.00"),
        rounding);
  }
}
