package it.sportello.shared.web;

import it.sportello.shared.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The {@code from} and {@code to} days of a register's filter as instants of a zone (the service
 * calendar's): from the start of {@code from} to the end of {@code to}, each open when not given.
 *
 * @param start the start of {@code from}, or null
 * @param end the start of the day after {@code to} (exclusive), or null
 */
public record DayRange(Instant start, Instant end) {

  /**
   * The range of the days.
   *
   * @throws InvalidRequestException naming {@code to} when it is before {@code from}
   */
  public static DayRange of(LocalDate from, LocalDate to, ZoneId zone) {
    if (from != null && to != null && to.isBefore(from)) {
      throw new InvalidRequestException("to", "must not be before from");
    }
    return new DayRange(
        from == null ? null : from.atStartOfDay(zone).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
  }
}
