package it.sportello.sla;

import java.time.LocalDate;
import java.time.Month;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Italian national public holidays: 1 and 6 January, Easter Sunday and Monday, 25 April, 1 May, 2
 * June, 15 August, 4 October (San Francesco, from 2026), 1 November, 8, 25 and 26 December. Local
 * holidays such as the patron saint are not included (see {@link ServiceCalendar}).
 */
public final class ItalianHolidays {

  /** First year in which 4 October (San Francesco d'Assisi) is again a national holiday. */
  static final int SAN_FRANCESCO_FROM = 2026;

  private static final Map<Integer, Set<LocalDate>> CACHE = new ConcurrentHashMap<>();

  private ItalianHolidays() {}

  /** Whether {@code date} is an Italian national holiday. */
  public static boolean isNationalHoliday(LocalDate date) {
    return nationalHolidays(date.getYear()).contains(date);
  }

  /** The (unmodifiable) set of national holidays of {@code year}. */
  public static Set<LocalDate> nationalHolidays(int year) {
    return CACHE.computeIfAbsent(year, ItalianHolidays::compute);
  }

  /**
   * Easter Sunday of {@code year} (Gregorian calendar), by the anonymous Meeus/Jones/Butcher
   * algorithm.
   */
  public static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }

  private static Set<LocalDate> compute(int year) {
    LocalDate easter = easterSunday(year);
    var days =
        new HashSet<>(
            Set.of(
                LocalDate.of(year, Month.JANUARY, 1),
                LocalDate.of(year, Month.JANUARY, 6),
                LocalDate.of(year, Month.APRIL, 25),
                LocalDate.of(year, Month.MAY, 1),
                LocalDate.of(year, Month.JUNE, 2),
                LocalDate.of(year, Month.AUGUST, 15),
                LocalDate.of(year, Month.NOVEMBER, 1),
                LocalDate.of(year, Month.DECEMBER, 8),
                LocalDate.of(year, Month.DECEMBER, 25),
                LocalDate.of(year, Month.DECEMBER, 26)));
    days.add(easter);
    days.add(easter.plusDays(1));
    if (year >= SAN_FRANCESCO_FROM) {
      days.add(LocalDate.of(year, Month.OCTOBER, 4));
    }
    return Set.copyOf(days);
  }
}
