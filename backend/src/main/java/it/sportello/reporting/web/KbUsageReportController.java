package it.sportello.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.reporting.KbUsageReport;
import it.sportello.reporting.KbUsageReports;
import it.sportello.reporting.SlaReports;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Knowledge base usage: reads, searches and their gaps, opinions, topics of most interest. */
@Tag(name = "Reports")
@RestController
class KbUsageReportController {

  private final KbUsageReports reports;
  private final SlaReports slaReports;

  KbUsageReportController(KbUsageReports reports, SlaReports slaReports) {
    this.reports = reports;
    this.slaReports = slaReports;
  }

  @Operation(
      summary =
          "KB usage report: articles read by operators and citizens per day, searches and those"
              + " without results (the KB's gaps), opinions (helpful or not), the 20 most read"
              + " articles, the 20 commonest searches without results, reads per topic")
  @GetMapping("/api/reports/kb-usage")
  KbUsageReport kbUsage(
      @Parameter(description = "First day, YYYY-MM-DD; default: the first of this month")
          @RequestParam(required = false)
          String from,
      @Parameter(description = "Last day (included), YYYY-MM-DD; default: today")
          @RequestParam(required = false)
          String to) {
    List<FieldViolation> violations = new ArrayList<>();
    LocalDate today = slaReports.now().atZone(slaReports.zone()).toLocalDate();
    LocalDate first = date("from", from, today.withDayOfMonth(1), violations);
    LocalDate last = date("to", to, today, violations);
    if (first != null && last != null) {
      if (last.isBefore(first)) {
        violations.add(new FieldViolation("to", "must not be before from"));
      } else if (ChronoUnit.DAYS.between(first, last) >= ActivityReportController.MAX_DAYS) {
        violations.add(
            new FieldViolation(
                "to", "at most " + ActivityReportController.MAX_DAYS + " days after from"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return reports.report(first, last);
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
