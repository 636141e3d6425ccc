package it.sportello.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable description of when a service is open: weekly wall-clock opening hours in a time zone,
 * closed on national holidays (optionally), on local holidays (e.g. the patron saint) and on extra
 * dates. Provides working-time arithmetic for SLA deadlines: a working hour is a real hour of
 * elapsed time inside an opening range, so daylight-saving changes are handled.
 */
public final class ServiceCalendar {

  /** Give up after this many consecutive days without any opening. */
  static final int MAX_CLOSED_DAYS = 3660;

  private final ZoneId zone;
  private final Map<DayOfWeek, List<OpeningHours>> weeklyHours;
  private final boolean nationalHolidays;
  private final Set<MonthDay> localHolidays;
  private final Set<LocalDate> extraClosedDates;

  /**
   * @param zone time zone of the opening hours
   * @param weeklyHours opening ranges per weekday (non-overlapping, any order); missing days are
   *     closed
   * @param nationalHolidays whether the service is closed on Italian national holidays
   * @param localHolidays yearly local holidays, e.g. the patron saint
   * @param extraClosedDates further one-off closed dates
   * @throws IllegalArgumentException if the ranges of a day overlap
   */
  public ServiceCalendar(
      ZoneId zone,
      Map<DayOfWeek, List<OpeningHours>> weeklyHours,
      boolean nationalHolidays,
      Set<MonthDay> localHolidays,
      Set<LocalDate> extraClosedDates) {
    this.zone = Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(weeklyHours, "weeklyHours");
    var hours = new EnumMap<DayOfWeek, List<OpeningHours>>(DayOfWeek.class);
    weeklyHours.forEach(
        (day, ranges) -> hours.put(Objects.requireNonNull(day, "day"), sorted(day, ranges)));
    this.weeklyHours = hours;
    this.nationalHolidays = nationalHolidays;
    this.localHolidays = Set.copyOf(localHolidays);
    this.extraClosedDates = Set.copyOf(extraClosedDates);
  }

  private static List<OpeningHours> sorted(DayOfWeek day, List<OpeningHours> ranges) {
    var list = new ArrayList<>(ranges);
    list.sort(Comparator.comparing(OpeningHours::from));
    for (int i = 1; i < list.size(); i++) {
      if (list.get(i - 1).overlaps(list.get(i))) {
        throw new IllegalArgumentException(
            "Overlapping opening hours on " + day + ": " + list.get(i - 1) + " and " + list.get(i));
      }
    }
    return List.copyOf(list);
  }

  public ZoneId zone() {
    return zone;
  }

  /** The sorted opening ranges of {@code day}; empty if closed. */
  List<OpeningHours> hours(DayOfWeek day) {
    return weeklyHours.getOrDefault(day, List.of());
  }

  /**
   * Whether the service is closed all day on {@code date} (no hours, or a holiday or closed date).
   */
  public boolean isClosedDay(LocalDate date) {
    return hours(date.getDayOfWeek()).isEmpty()
        || (nationalHolidays && ItalianHolidays.isNationalHoliday(date))
        || localHolidays.contains(MonthDay.from(date))
        || extraClosedDates.contains(date);
  }

  /** Whether {@code instant} falls inside an opening range. */
  public boolean isOpen(Instant instant) {
    for (Interval interval : intervals(localDate(instant))) {
      if (interval.contains(instant)) {
        return true;
      }
    }
    return false;
  }

  /** {@code instant} itself if open, otherwise the start of the next opening. */
  public Instant nextOpening(Instant instant) {
    return addWorkingTime(instant, Duration.ZERO);
  }

  /**
   * The first opening of the next working day: of the day of {@code instant} itself if that day is
   * a working day not yet open at {@code instant}, else of the first working day after it. Out of
   * hours contacts (voicemail) are taken in charge from there.
   *
   * @throws IllegalStateException if no opening exists in the next {@value #MAX_CLOSED_DAYS} days
   */
  public Instant firstOpeningOfNextWorkingDay(Instant instant) {
    LocalDate date = localDate(instant);
    List<Interval> today = intervals(date);
    if (!today.isEmpty() && instant.isBefore(today.get(0).start)) {
      return today.get(0).start;
    }
    for (int i = 1; i <= MAX_CLOSED_DAYS; i++) {
      List<Interval> day = intervals(date.plusDays(i));
      if (!day.isEmpty()) {
        return day.get(0).start;
      }
    }
    throw new IllegalStateException(
        "No opening hours in " + MAX_CLOSED_DAYS + " consecutive days after " + date);
  }

  /**
   * The instant at which {@code workingTime} of opening time has elapsed, counting from {@code
   * start} (or from the next opening if {@code start} is outside opening hours). If the time runs
   * out exactly at a closing time, that closing time is returned.
   *
   * @throws IllegalArgumentException if {@code workingTime} is negative
   * @throws IllegalStateException if no opening exists in the next {@value #MAX_CLOSED_DAYS} days
   */
  public Instant addWorkingTime(Instant start, Duration workingTime) {
    Objects.requireNonNull(start, "start");
    if (workingTime.isNegative()) {
      throw new IllegalArgumentException("Working time must not be negative: " + workingTime);
    }
    Duration remaining = workingTime;
    LocalDate date = localDate(start);
    LocalDate giveUp = date.plusDays(MAX_CLOSED_DAYS);
    while (!date.isAfter(giveUp)) {
      for (Interval interval : intervals(date)) {
        giveUp = date.plusDays(MAX_CLOSED_DAYS);
        if (!interval.end.isAfter(start)) {
          continue;
        }
        Instant from = interval.start.isAfter(start) ? interval.start : start;
        Duration available = Duration.between(from, interval.end);
        if (remaining.compareTo(available) <= 0) {
          return from.plus(remaining);
        }
        remaining = remaining.minus(available);
      }
      date = date.plusDays(1);
    }
    throw new IllegalStateException(
        "No opening hours in "
            + MAX_CLOSED_DAYS
            + " consecutive days up to "
            + giveUp
            + " ("
            + zone
            + ")");
  }

  /**
   * The earliest instant from which no more than {@code workingTime} of opening time is left until
   * {@code end}: the inverse of {@link #addWorkingTime} counted backwards.
   *
   * @throws IllegalArgumentException if {@code workingTime} is negative
   * @throws IllegalStateException if no opening exists in the previous {@value #MAX_CLOSED_DAYS}
   *     days
   */
  public Instant subtractWorkingTime(Instant end, Duration workingTime) {
    Objects.requireNonNull(end, "end");
    if (workingTime.isNegative()) {
      throw new IllegalArgumentException("Working time must not be negative: " + workingTime);
    }
    Duration remaining = workingTime;
    LocalDate date = localDate(end);
    LocalDate giveUp = date.minusDays(MAX_CLOSED_DAYS);
    while (!date.isBefore(giveUp)) {
      List<Interval> intervals = intervals(date);
      for (int i = intervals.size() - 1; i >= 0; i--) {
        Interval interval = intervals.get(i);
        giveUp = date.minusDays(MAX_CLOSED_DAYS);
        if (!interval.start.isBefore(end)) {
          continue;
        }
        Instant to = interval.end.isBefore(end) ? interval.end : end;
        Duration available = Duration.between(interval.start, to);
        if (remaining.compareTo(available) < 0) {
          return to.minus(remaining);
        }
        remaining = remaining.minus(available);
      }
      date = date.minusDays(1);
    }
    throw new IllegalStateException(
        "No opening hours in "
            + MAX_CLOSED_DAYS
            + " consecutive days down to "
            + giveUp
            + " ("
            + zone
            + ")");
  }

  /** The opening time inside {@code [from, to)}; zero if {@code to} is not after {@code from}. */
  public Duration workingTimeBetween(Instant from, Instant to) {
    Duration total = Duration.ZERO;
    if (!to.isAfter(from)) {
      return total;
    }
    LocalDate last = localDate(to);
    for (LocalDate date = localDate(from); !date.isAfter(last); date = date.plusDays(1)) {
      for (Interval interval : intervals(date)) {
        Instant start = interval.start.isAfter(from) ? interval.start : from;
        Instant end = interval.end.isBefore(to) ? interval.end : to;
        if (end.isAfter(start)) {
          total = total.plus(Duration.between(start, end));
        }
      }
    }
    return total;
  }

  private LocalDate localDate(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  /** The opening ranges of {@code date} as instants; empty on closed days. */
  private List<Interval> intervals(LocalDate date) {
    if (isClosedDay(date)) {
      return List.of();
    }
    var result = new ArrayList<Interval>();
    for (OpeningHours hours : hours(date.getDayOfWeek())) {
      Instant start = ZonedDateTime.of(date, hours.from(), zone).toInstant();
      Instant end = ZonedDateTime.of(date, hours.to(), zone).toInstant();
      if (end.isAfter(start)) {
        result.add(new Interval(start, end));
      }
    }
    return result;
  }

  private record Interval(Instant start, Instant end) {
    boolean contains(Instant instant) {
      return !instant.isBefore(start) && instant.isBefore(end);
    }
  }
}
