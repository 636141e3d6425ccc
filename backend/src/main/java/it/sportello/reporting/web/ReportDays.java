package it.sportello.reporting.web;

import it.sportello.reporting.SlaReports;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The period of a report by days, from the {@code from} and {@code to} parameters: by default from
 * the first of this month to today in the service calendar's zone, at most {@value #MAX_DAYS} days.
 * Bad values are added to the request's violations, named; then the days are null.
 */
record ReportDays(LocalDate first, LocalDate last) {

  static final int MAX_DAYS = 366;

  /** The description of a report's {@code from} parameter. */
  static final String FROM_HELP = "First day, YYYY-MM-DD; default: the first of this month";

  /** The description of a report's {@code to} parameter. */
  static final String TO_HELP = "Last day (included), YYYY-MM-DD; default: today";

  /**
   * The days, or a refusal naming every bad parameter (these and those already in {@code
   * violations}).
   *
   * @throws InvalidRequestException when any parameter is bad
   */
  static ReportDays require(
      String from, String to, SlaReports calendar, List<FieldViolation> violations) {
    ReportDays days = parse(from, to, calendar, violations);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return days;
  }

  static ReportDays parse(
      String from, String to, SlaReports calendar, List<FieldViolation> violations) {
    LocalDate today = calendar.now().atZone(calendar.zone()).toLocalDate();
    LocalDate first = date("from", from, today.withDayOfMonth(1), violations);
    LocalDate last = date("to", to, today, violations);
    if (first != null && last != null) {
      if (last.isBefore(first)) {
        violations.add(new FieldViolation("to", "must not be before from"));
      } else if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
        violations.add(new FieldViolation("to", "at most " + MAX_DAYS + " days after from"));
      }
    }
    return new ReportDays(first, last);
  }

  private static LocalDate date(
      String field, String value, LocalDate fallback, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      violations.add(new FieldViolation(field, "must be a date as YYYY-MM-DD, e.g. 2026-11-30"));
      return null;
    }
  }
}
