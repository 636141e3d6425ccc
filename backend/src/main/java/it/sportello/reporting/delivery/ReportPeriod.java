package it.sportello.reporting.delivery;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a report covers: a calendar month ({@code 2026-11}) or an ISO week ({@code 2026-W47},
 * Monday to Sunday, the year being the week's ISO year), days in the service calendar's zone.
 *
 * @param label how it is named in deliveries, file names and the API
 * @param from its first day
 * @param to its last day (included)
 */
public record ReportPeriod(ReportSet set, String label, LocalDate from, LocalDate to) {

  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

  /** The period that ended last before {@code today}: the previous month, or the previous week. */
  public static ReportPeriod previous(ReportSet set, LocalDate today) {
    return switch (set) {
      case MONTHLY -> month(YearMonth.from(today).minusMonths(1));
      case WEEKLY -> week(today.minusWeeks(1));
    };
  }

  /**
   * The period named by the label.
   *
   * @throws IllegalArgumentException saying what the label should look like
   */
  public static ReportPeriod parse(ReportSet set, String label) {
    String text = label == null ? "" : label.strip().toUpperCase(Locale.ROOT);
    return switch (set) {
      case MONTHLY -> {
        try {
          yield month(YearMonth.parse(text));
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("must be a month as YYYY-MM, e.g. 2026-11");
        }
      }
      case WEEKLY -> {
        Matcher matcher = WEEK.matcher(text);
        if (!matcher.matches()) {
          throw new IllegalArgumentException("must be an ISO week as YYYY-Www, e.g. 2026-W47");
        }
        int year = Integer.parseInt(matcher.group(1));
        int number = Integer.parseInt(matcher.group(2));
        // 4 January is always in week 1 of its ISO year; 28 December always in the last week
        LocalDate inYear = LocalDate.of(year, 1, 4);
        long weeks = LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        if (number < 1 || number > weeks) {
          throw new IllegalArgumentException(
              "must be an ISO week as YYYY-Www; " + year + " has weeks 01 to " + weeks);
        }
        yield week(inYear.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number));
      }
    };
  }

  /** Whether the period has begun on {@code today}. */
  public boolean begunBy(LocalDate today) {
    return !from.isAfter(today);
  }

  private static ReportPeriod month(YearMonth month) {
    return new ReportPeriod(
        ReportSet.MONTHLY, month.toString(), month.atDay(1), month.atEndOfMonth());
  }

  private static ReportPeriod week(LocalDate day) {
    LocalDate monday = day.with(DayOfWeek.MONDAY);
    String label =
        String.format(
            Locale.ROOT,
            "%d-W%02d",
            monday.get(IsoFields.WEEK_BASED_YEAR),
            monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    return new ReportPeriod(ReportSet.WEEKLY, label, monday, monday.plusDays(6));
  }
}
