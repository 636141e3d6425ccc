package it.sportello.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.reporting.ActivityReport;
import it.sportello.reporting.ActivityReports;
import it.sportello.reporting.SlaReports;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import it.sportello.ticket.domain.Channel;
import it.sportello.ticket.domain.TicketType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Volumes, hour bands, outcomes, handling times, backlog and ageing. */
@Tag(name = "Reports")
@RestController
class ActivityReportController {

  static final int MAX_DAYS = 366;

  private final ActivityReports reports;
  private final SlaReports slaReports;

  ActivityReportController(ActivityReports reports, SlaReports slaReports) {
    this.reports = reports;
    this.slaReports = slaReports;
  }

  @Operation(
      summary =
          "Activity report: requests received and tickets closed per day, contacts per hour band,"
              + " by channel, outcomes and solving level, times to take in charge and to solve,"
              + " and the backlog now with its ageing")
  @GetMapping("/api/reports/activity")
  ActivityReport activity(
      @Parameter(description = "First day, YYYY-MM-DD; default: the first of this month")
          @RequestParam(required = false)
          String from,
      @Parameter(description = "Last day (included), YYYY-MM-DD; default: today")
          @RequestParam(required = false)
          String to,
      @Parameter(description = "Channel, e.g. EMAIL") @RequestParam(required = false)
          String channel,
      @Parameter(description = "Queue, e.g. general") @RequestParam(required = false) String queue,
      @Parameter(description = "Ticket type, e.g. Q") @RequestParam(required = false) String type) {
    List<FieldViolation> violations = new ArrayList<>();
    LocalDate today = slaReports.now().atZone(slaReports.zone()).toLocalDate();
    LocalDate first = date("from", from, today.withDayOfMonth(1), violations);
    LocalDate last = date("to", to, today, violations);
    if (first != null && last != null) {
      if (last.isBefore(first)) {
        violations.add(new FieldViolation("to", "must not be before from"));
      } else if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
        violations.add(new FieldViolation("to", "at most " + MAX_DAYS + " days after from"));
      }
    }
    oneOf("channel", channel, Arrays.stream(Channel.values()).map(Enum::name).toList(), violations);
    oneOf("type", type, Arrays.stream(TicketType.values()).map(Enum::name).toList(), violations);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return reports.report(
        first,
        last,
        new ActivityReport.Filter(blankToNull(channel), blankToNull(queue), blankToNull(type)));
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

  private static void oneOf(
      String field, String value, List<String> allowed, List<FieldViolation> violations) {
    if (value != null && !value.isBlank() && !allowed.contains(value.strip())) {
      violations.add(new FieldViolation(field, "must be one of " + allowed));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
