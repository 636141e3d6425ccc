package it.sportello.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.shared.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A register's day filter: whole days of the calendar's zone, the last one included. */
class DayRangeTest {

  private static final ZoneId ROME = ZoneId.of("Europe/Rome");

  @Test
  void theDaysAreWholeDaysOfTheZoneTheLastIncluded() {
    DayRange days = DayRange.of(LocalDate.parse("2026-03-28"), LocalDate.parse("2026-03-29"), ROME);
    assertThat(days.start()).isEqualTo(Instant.parse("2026-03-27T23:00:00Z"));
    // the day of the change to summer time: the next day starts at 22:00 UTC
    assertThat(days.end()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
  }

  @Test
  void aMissingDayLeavesItsSideOpen() {
    assertThat(DayRange.of(null, null, ROME)).isEqualTo(new DayRange(null, null));
  }

  @Test
  void toBeforeFromIsRefusedNamingTo() {
    assertThatThrownBy(
            () -> DayRange.of(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-01"), ROME))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.violations()).extracting("field").containsExactly("to"));
  }
}
