package it.sportello.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.reporting.KbUsageReport;
import it.sportello.reporting.KbUsageReports;
import it.sportello.reporting.SlaReports;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
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
    ReportDays days = ReportDays.parse(from, to, slaReports, violations);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return reports.report(days.first(), days.last());
  }
}
