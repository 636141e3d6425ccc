package it.sportello.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.reporting.KbQualityReport.KbGaps;
import it.sportello.reporting.KbQualityReport.KbWeakArticles;
import it.sportello.reporting.KbQualityReports;
import it.sportello.reporting.SlaReports;
import it.sportello.shared.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Where the knowledge base falls short: its gaps and its weak articles. */
@Tag(name = "Reports")
@RestController
class KbQualityReportController {

  private final KbQualityReports reports;
  private final SlaReports slaReports;

  KbQualityReportController(KbQualityReports reports, SlaReports slaReports) {
    this.reports = reports;
    this.slaReports = slaReports;
  }

  @Operation(
      summary =
          "The KB's gaps: texts searched from a ticket or by citizens whose results nobody opened"
              + " or used, grouped by the normalised text, the commonest first (at most 50)")
  @GetMapping("/api/reports/kb-gaps")
  KbGaps kbGaps(
      @Parameter(description = ReportDays.FROM_HELP) @RequestParam(required = false) String from,
      @Parameter(description = ReportDays.TO_HELP) @RequestParam(required = false) String to) {
    ReportDays days = ReportDays.require(from, to, slaReports, new ArrayList<>());
    return reports.gaps(days.first(), days.last());
  }

  @Operation(
      summary =
          "The KB's weak articles: read at least minViews times in the period, at least half of"
              + " the period's opinions unhelpful; the least helpful first (at most 50)")
  @GetMapping("/api/reports/kb-weak-articles")
  KbWeakArticles kbWeakArticles(
      @Parameter(description = ReportDays.FROM_HELP) @RequestParam(required = false) String from,
      @Parameter(description = ReportDays.TO_HELP) @RequestParam(required = false) String to,
      @Parameter(description = "Reads needed in the period, 1 to 100000; default 10")
          @RequestParam(defaultValue = "10")
          String minViews) {
    List<FieldViolation> violations = new ArrayList<>();
    int min = 0;
    try {
      min = Integer.parseInt(minViews.strip());
    } catch (NumberFormatException e) {
      // reported below
    }
    if (min < 1 || min > 100_000) {
      violations.add(new FieldViolation("minViews", "must be a whole number from 1 to 100000"));
    }
    ReportDays days = ReportDays.require(from, to, slaReports, violations);
    return reports.weakArticles(days.first(), days.last(), min);
  }
}
