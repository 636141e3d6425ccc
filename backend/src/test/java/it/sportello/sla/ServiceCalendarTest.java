package it.sportello.sla;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceCalendarTest {

  static final ZoneId ROME = ZoneId.of("Europe/Rome");
  static final Duration FOUR_HOURS = Duration.ofHours(4);

  /** Demo calendar: Mon–Fri 08–20, Sat 08–14, national holidays, patron saint 29 June. */
  static final ServiceCalendar DEMO =
      calendar(weekdays("08:00-20:00", "08:00-14:00"), true, Set.of());

  static Map<DayOfWeek, List<OpeningHours>> weekdays(String weekday, String saturday) {
    var hours = new EnumMap<DayOfWeek, List<OpeningHours>>(DayOfWeek.class);
    for (DayOfWeek day : List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)) {
      hours.put(day, List.of(OpeningHours.parse(weekday)));
    }
    hours.put(SATURDAY, List.of(OpeningHours.parse(saturday)));
    return hours;
  }

  static ServiceCalendar calendar(
      Map<DayOfWeek, List<OpeningHours>> hours, boolean national, Set<LocalDate> extra) {
    return new ServiceCalendar(ROME, hours, national, Set.of(MonthDay.of(6, 29)), extra);
  }

  static Instant rome(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(ROME).toInstant();
  }

  @ParameterizedTest(name = "{0}: {1} + 4h = {2}")
  @CsvSource({
    "Friday evening,               2026-11-27T19:30, 2026-11-28T11:30",
    "Saturday before closing,      2026-11-28T13:00, 2026-11-30T11:00",
    "8 December holiday,           2026-12-07T18:00, 2026-12-09T10:00",
    "29 June patron saint,         2026-06-27T13:00, 2026-06-30T11:00",
    "Easter Monday + spring DST,   2027-03-27T13:30, 2027-03-30T11:30",
    "inside hours on a weekday,    2026-11-24T10:00, 2026-11-24T14:00",
    "received on Sunday,           2026-11-29T15:00, 2026-11-30T12:00",
    "received before opening,      2026-11-24T06:00, 2026-11-24T12:00",
    "ending exactly at closing,    2026-11-28T10:00, 2026-11-28T14:00",
    "autumn DST,                   2026-10-24T13:00, 2026-10-26T11:00",
    "received after closing,       2026-11-24T21:00, 2026-11-25T12:00"
  })
  void fourWorkingHours(String description, String received, String expected) {
    Instant due = DEMO.addWorkingTime(rome(received), FOUR_HOURS);

    assertThat(due).isEqualTo(rome(expected));
    assertThat(DEMO.workingTimeBetween(rome(received), due)).isEqualTo(FOUR_HOURS);
  }

  @Test
  void twentyFourWorkingHoursAcrossWeekend() {
    // Fri 10–20 (10h) + Sat 08–14 (6h) + Mon 08–16 (8h)
    assertThat(DEMO.addWorkingTime(rome("2026-11-27T10:00"), Duration.ofHours(24)))
        .isEqualTo(rome("2026-11-30T16:00"));
  }

  @Test
  void workingTimeBetweenOverWeekendAndHoliday() {
    // Fri 2h + Sat 6h + Sun 0 + Mon 12h + Tue 8 Dec 0 + Wed 2h
    assertThat(DEMO.workingTimeBetween(rome("2026-12-04T18:00"), rome("2026-12-09T10:00")))
        .isEqualTo(Duration.ofHours(22));
  }

  @Test
  void workingTimeBetweenIsZeroForEmptyOrReversedRange() {
    Instant instant = rome("2026-11-24T10:00");
    assertThat(DEMO.workingTimeBetween(instant, instant)).isZero();
    assertThat(DEMO.workingTimeBetween(instant, instant.minusSeconds(3600))).isZero();
    assertThat(DEMO.workingTimeBetween(rome("2026-11-28T14:00"), rome("2026-11-30T08:00")))
        .isZero();
  }

  @ParameterizedTest
  @CsvSource({
    "2026-12-04T18:00, 2026-12-04T19:00",
    "2026-12-04T18:00, 2026-12-05T13:59",
    "2026-12-04T18:00, 2026-12-07T08:01",
    "2026-12-04T18:00, 2026-12-09T10:00",
    "2026-12-06T11:00, 2026-12-09T19:59",
    "2027-03-26T21:00, 2027-03-30T11:30",
    "2026-10-23T07:00, 2026-10-26T09:15"
  })
  void addWorkingTimeRoundTripsWorkingTimeBetween(String start, String end) {
    Instant s = rome(start);
    Instant e = rome(end);
    assertThat(DEMO.isOpen(e)).isTrue();
    assertThat(DEMO.addWorkingTime(s, DEMO.workingTimeBetween(s, e))).isEqualTo(e);
  }

  @ParameterizedTest(name = "{0} - {1} = {2}")
  @CsvSource({
    "2026-11-24T14:00, PT4H,  2026-11-24T10:00",
    "2026-11-30T11:00, PT4H,  2026-11-28T13:00",
    "2026-12-09T10:00, PT4H,  2026-12-07T18:00",
    "2026-11-28T14:00, PT1H,  2026-11-28T13:00",
    "2026-11-30T08:00, PT1H,  2026-11-28T13:00",
    "2026-11-29T12:00, PT0S,  2026-11-28T14:00",
    "2026-11-24T10:00, PT0S,  2026-11-24T10:00",
    "2026-11-24T08:00, PT0S,  2026-11-23T20:00"
  })
  void subtractWorkingTimeGivesTheEarliestInstantWithThatMuchLeft(
      String end, Duration workingTime, String expected) {
    Instant start = DEMO.subtractWorkingTime(rome(end), workingTime);
    assertThat(start).isEqualTo(rome(expected));
    assertThat(DEMO.workingTimeBetween(start, rome(end))).isEqualTo(workingTime);
  }

  @ParameterizedTest
  @CsvSource({
    "2026-12-04T18:00, PT30M",
    "2026-12-04T18:00, PT13H",
    "2026-12-01T09:00, PT80H",
    "2027-03-26T21:00, PT7H"
  })
  void subtractWorkingTimeUndoesAddWorkingTime(String start, Duration workingTime) {
    Instant due = DEMO.addWorkingTime(rome(start), workingTime);
    Instant back = DEMO.subtractWorkingTime(due, workingTime);
    assertThat(DEMO.workingTimeBetween(back, due)).isEqualTo(workingTime);
    assertThat(DEMO.workingTimeBetween(rome(start), back)).isZero();
  }

  @Test
  void largeDurationsAreComputedByDays() {
    Instant start = rome("2026-01-02T09:00");
    Duration tenThousandHours = Duration.ofHours(10_000);

    Instant due = DEMO.addWorkingTime(start, tenThousandHours);

    assertThat(due).isAfter(rome("2029-01-01T00:00"));
    assertThat(DEMO.workingTimeBetween(start, due)).isEqualTo(tenThousandHours);
  }

  @Test
  void zeroDurationReturnsStartIfOpenElseNextOpening() {
    Instant open = rome("2026-11-24T10:00");
    assertThat(DEMO.addWorkingTime(open, Duration.ZERO)).isEqualTo(open);
    assertThat(DEMO.addWorkingTime(rome("2026-11-28T14:00"), Duration.ZERO))
        .isEqualTo(rome("2026-11-30T08:00"));
  }

  @Test
  void nextOpening() {
    assertThat(DEMO.nextOpening(rome("2026-11-24T10:00"))).isEqualTo(rome("2026-11-24T10:00"));
    assertThat(DEMO.nextOpening(rome("2026-11-24T06:00"))).isEqualTo(rome("2026-11-24T08:00"));
    assertThat(DEMO.nextOpening(rome("2026-12-07T20:00"))).isEqualTo(rome("2026-12-09T08:00"));
    assertThat(DEMO.nextOpening(rome("2027-03-27T14:00"))).isEqualTo(rome("2027-03-30T08:00"));
  }

  @ParameterizedTest
  @CsvSource({
    "2026-11-24T08:00, true",
    "2026-11-24T19:59, true",
    "2026-11-24T20:00, false",
    "2026-11-24T07:59, false",
    "2026-11-28T13:59, true",
    "2026-11-28T14:00, false",
    "2026-11-29T10:00, false",
    "2026-12-08T10:00, false",
    "2026-06-29T10:00, false",
    "2026-10-05T10:00, true"
  })
  void isOpen(String localDateTime, boolean open) {
    assertThat(DEMO.isOpen(rome(localDateTime))).isEqualTo(open);
  }

  @ParameterizedTest
  @CsvSource({
    "2026-11-29, true", // Sunday
    "2026-06-29, true", // patron saint
    "2027-06-29, true",
    "2026-12-08, true", // Immacolata
    "2027-03-29, true", // Easter Monday
    "2026-10-04, true", // San Francesco (a Sunday in 2026)
    "2025-10-04, false", // Saturday, San Francesco not yet national
    "2026-11-28, false", // Saturday
    "2026-11-30, false" // ordinary Monday
  })
  void isClosedDay(LocalDate date, boolean closed) {
    assertThat(DEMO.isClosedDay(date)).isEqualTo(closed);
  }

  @Test
  void extraClosedDatesAndNationalHolidaysSwitch() {
    var withClosure =
        calendar(weekdays("08:00-20:00", "08:00-14:00"), true, Set.of(LocalDate.of(2026, 11, 30)));
    assertThat(withClosure.isClosedDay(LocalDate.of(2026, 11, 30))).isTrue();
    assertThat(withClosure.addWorkingTime(rome("2026-11-28T13:00"), FOUR_HOURS))
        .isEqualTo(rome("2026-12-01T11:00"));

    var noNationalHolidays = calendar(weekdays("08:00-20:00", "08:00-14:00"), false, Set.of());
    assertThat(noNationalHolidays.isClosedDay(LocalDate.of(2026, 12, 8))).isFalse();
    assertThat(noNationalHolidays.addWorkingTime(rome("2026-12-07T18:00"), FOUR_HOURS))
        .isEqualTo(rome("2026-12-08T10:00"));
  }

  @Test
  void workingHoursAreRealHoursAcrossDaylightSavingChanges() {
    var sundayNights =
        new ServiceCalendar(
            ROME,
            Map.of(SUNDAY, List.of(OpeningHours.parse("00:00-06:00"))),
            false,
            Set.of(),
            Set.of());
    // autumn: 02:00-03:00 happens twice, spring: 02:00-03:00 does not exist
    assertThat(sundayNights.workingTimeBetween(rome("2026-10-25T00:00"), rome("2026-10-26T00:00")))
        .isEqualTo(Duration.ofHours(7));
    assertThat(sundayNights.workingTimeBetween(rome("2027-03-28T00:00"), rome("2027-03-29T00:00")))
        .isEqualTo(Duration.ofHours(5));
    assertThat(sundayNights.addWorkingTime(rome("2027-03-28T00:00"), Duration.ofHours(4)))
        .isEqualTo(rome("2027-03-28T05:00"));
  }

  @Test
  void lunchBreakCalendar() {
    List<OpeningHours> day =
        List.of(OpeningHours.parse("14:00-17:00"), OpeningHours.parse("08:30-12:30"));
    var lunch =
        new ServiceCalendar(ROME, Map.of(TUESDAY, day, WEDNESDAY, day), true, Set.of(), Set.of());

    assertThat(lunch.hours(TUESDAY))
        .extracting(OpeningHours::from)
        .containsExactly(LocalTime.of(8, 30), LocalTime.of(14, 0));
    assertThat(lunch.isOpen(rome("2026-11-24T13:00"))).isFalse();
    assertThat(lunch.nextOpening(rome("2026-11-24T13:00"))).isEqualTo(rome("2026-11-24T14:00"));
    assertThat(lunch.addWorkingTime(rome("2026-11-24T11:30"), Duration.ofHours(2)))
        .isEqualTo(rome("2026-11-24T15:00"));
    assertThat(lunch.addWorkingTime(rome("2026-11-24T10:30"), Duration.ofHours(2)))
        .isEqualTo(rome("2026-11-24T12:30"));
    // Tue 7h + Wed 7h, then Tue next week 08:30 + 1h
    assertThat(lunch.addWorkingTime(rome("2026-11-24T07:00"), Duration.ofHours(15)))
        .isEqualTo(rome("2026-12-01T09:30"));
    assertThat(lunch.workingTimeBetween(rome("2026-11-24T00:00"), rome("2026-11-26T00:00")))
        .isEqualTo(Duration.ofHours(14));
  }

  @Test
  void adjacentRangesAreAllowedButOverlappingRangesAreRejected() {
    var adjacent =
        new ServiceCalendar(
            ROME,
            Map.of(
                TUESDAY,
                List.of(OpeningHours.parse("08:00-12:00"), OpeningHours.parse("12:00-14:00"))),
            false,
            Set.of(),
            Set.of());
    assertThat(adjacent.addWorkingTime(rome("2026-11-24T11:00"), Duration.ofHours(2)))
        .isEqualTo(rome("2026-11-24T13:00"));

    assertThatThrownBy(
            () ->
                new ServiceCalendar(
                    ROME,
                    Map.of(
                        MONDAY,
                        List.of(
                            OpeningHours.parse("08:00-13:00"), OpeningHours.parse("12:00-17:00"))),
                    false,
                    Set.of(),
                    Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Overlapping")
        .hasMessageContaining("MONDAY");
  }

  @Test
  void calendarIsNotAffectedByLaterChangesToItsArguments() {
    var hours = new EnumMap<>(weekdays("08:00-20:00", "08:00-14:00"));
    var calendar = calendar(hours, true, Set.of());
    hours.clear();
    assertThat(calendar.isOpen(rome("2026-11-24T10:00"))).isTrue();
  }

  @Test
  void parsesOpeningHours() {
    assertThat(OpeningHours.parse("08:00-20:00"))
        .isEqualTo(new OpeningHours(LocalTime.of(8, 0), LocalTime.of(20, 0)))
        .hasToString("08:00-20:00");
    assertThat(OpeningHours.parse(" 08:30 - 12:30 ").from()).isEqualTo(LocalTime.of(8, 30));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "08:00",
        "8-20",
        "20:00-08:00",
        "08:00-08:00",
        "ab:cd-ef:gh",
        "08:00-12:00-14:00",
        "25:00-26:00",
        "08:00–20:00"
      })
  void rejectsBadOpeningHours(String text) {
    assertThatThrownBy(() -> OpeningHours.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(text == null ? "null" : text);
  }

  @Test
  void calendarWithoutOpeningHoursFails() {
    var never = new ServiceCalendar(ROME, Map.of(), true, Set.of(), Set.of());
    Instant now = rome("2026-11-24T10:00");

    assertThat(never.isOpen(now)).isFalse();
    assertThat(never.workingTimeBetween(now, now.plus(Duration.ofDays(30)))).isZero();
    assertThatThrownBy(() -> never.addWorkingTime(now, FOUR_HOURS))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> never.nextOpening(now)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void negativeDurationIsRejected() {
    assertThatThrownBy(() -> DEMO.addWorkingTime(rome("2026-11-24T10:00"), Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }
}
