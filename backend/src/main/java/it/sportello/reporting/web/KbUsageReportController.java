package it.sportello.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.reporting.KbUsageReport;
import it.sportello.reporting.KbUsageReports;
import it.sportello.reporting.SlaReports;
import java.util.ArrayList;
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
      @Parameter(description = ReportDays.FROM_HELP) @RequestParam(required = false) String from,
      @Parameter(description = ReportDays.TO_HELP) @RequestParam(required = false) String to) {
    ReportDays days = ReportDays.require(from, to, slaReports, new ArrayList<>());
    return reports.report(days.first(), days.last());
  }
}
