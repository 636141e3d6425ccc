package it.sportello.reporting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

  private static final ZoneId ROME = ZoneId.of("Europe/Rome");

  @Test
  void theMonthlySetCoversThePreviousCalendarMonthAcrossTheYear() {
    assertThat(ReportPeriod.previous(ReportSet.MONTHLY, LocalDate.parse("2026-12-01")))
        .isEqualTo(
            new ReportPeriod(
                ReportSet.MONTHLY,
                "2026-11",
                LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-30")));
    ReportPeriod january = ReportPeriod.previous(ReportSet.MONTHLY, LocalDate.parse("2027-01-01"));
    assertThat(january.label()).isEqualTo("2026-12");
    assertThat(january.to()).isEqualTo(LocalDate.parse("2026-12-31"));
    assertThat(ReportPeriod.previous(ReportSet.MONTHLY, LocalDate.parse("2028-03-31")).to())
        .as("a leap year's February")
        .isEqualTo(LocalDate.parse("2028-02-29"));
  }

  @Test
  void theDayIsTheServiceCalendarsNotUtcs() {
    // 1 December 2026 00:30 in Rome is still 30 November in UTC: the month that ended is November
    Instant justAfterMidnight = Instant.parse("2026-11-30T23:30:00Z");
    LocalDate today = justAfterMidnight.atZone(ROME).toLocalDate();
    assertThat(ReportPeriod.previous(ReportSet.MONTHLY, today).label()).isEqualTo("2026-11");
    assertThat(
            ReportPeriod.previous(
                    ReportSet.MONTHLY, justAfterMidnight.atZone(ZoneId.of("UTC")).toLocalDate())
                .label())
        .isEqualTo("2026-10");
  }

  @Test
  void theWeeklySetCoversThePreviousIsoWeekMondayToSunday() {
    ReportPeriod week = ReportPeriod.previous(ReportSet.WEEKLY, LocalDate.parse("2026-11-30"));
    assertThat(week.label()).isEqualTo("2026-W48");
    assertThat(week.from()).isEqualTo(LocalDate.parse("2026-11-23"));
    assertThat(week.to()).isEqualTo(LocalDate.parse("2026-11-29"));
    assertThat(ReportPeriod.previous(ReportSet.WEEKLY, LocalDate.parse("2026-12-03")).label())
        .as("any day of the week after")
        .isEqualTo("2026-W48");
  }

  @Test
  void isoWeeksCrossTheYearBoundary() {
    // Monday 4 January 2027: the week before, 28 Dec 2026 – 3 Jan 2027, is 2026-W53
    ReportPeriod last2026 = ReportPeriod.previous(ReportSet.WEEKLY, LocalDate.parse("2027-01-04"));
    assertThat(last2026.label()).isEqualTo("2026-W53");
    assertThat(last2026.from()).isEqualTo(LocalDate.parse("2026-12-28"));
    assertThat(last2026.to()).isEqualTo(LocalDate.parse("2027-01-03"));
    // Monday 6 January 2025: the week before, 30 Dec 2024 – 5 Jan 2025, is 2025-W01
    ReportPeriod first2025 = ReportPeriod.previous(ReportSet.WEEKLY, LocalDate.parse("2025-01-06"));
    assertThat(first2025.label()).isEqualTo("2025-W01");
    assertThat(first2025.from()).isEqualTo(LocalDate.parse("2024-12-30"));
  }

  @Test
  void labelsAreParsedBack() {
    assertThat(ReportPeriod.parse(ReportSet.WEEKLY, "2026-W53").from())
        .isEqualTo(LocalDate.parse("2026-12-28"));
    assertThat(ReportPeriod.parse(ReportSet.WEEKLY, "2025-w01").from())
        .isEqualTo(LocalDate.parse("2024-12-30"));
    assertThat(ReportPeriod.parse(ReportSet.MONTHLY, "2026-02").to())
        .isEqualTo(LocalDate.parse("2026-02-28"));
    for (String label : new String[] {"2026-W48", "2027-W01", "2020-W53"}) {
      ReportPeriod period = ReportPeriod.parse(ReportSet.WEEKLY, label);
      assertThat(ReportPeriod.previous(ReportSet.WEEKLY, period.to().plusDays(1)))
          .isEqualTo(period);
    }
  }

  @Test
  void badLabelsSayWhatIsExpected() {
    assertThatThrownBy(() -> ReportPeriod.parse(ReportSet.MONTHLY, "2026-13"))
        .hasMessageContaining("YYYY-MM");
    assertThatThrownBy(() -> ReportPeriod.parse(ReportSet.MONTHLY, "2026-W47"))
        .hasMessageContaining("YYYY-MM");
    assertThatThrownBy(() -> ReportPeriod.parse(ReportSet.WEEKLY, "2025-W53"))
        .hasMessageContaining("2025 has weeks 01 to 52");
    assertThatThrownBy(() -> ReportPeriod.parse(ReportSet.WEEKLY, "2026-W00"))
        .hasMessageContaining("weeks 01 to 53");
    assertThatThrownBy(() -> ReportPeriod.parse(ReportSet.WEEKLY, "2026-11"))
        .hasMessageContaining("YYYY-Www");
  }
}
