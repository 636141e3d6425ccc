package it.sportello.reporting.web;

import it.sportello.reporting.ActivityReport;
import it.sportello.reporting.ActivityReports;
import it.sportello.reporting.ReportWorkbooks;
import it.sportello.reporting.SlaReports;
import it.sportello.survey.SatisfactionReport;
import it.sportello.survey.SatisfactionResults;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.stereotype.Component;

/**
 * The Excel files of the reports in memory, as the exports write them, for the deliveries: without
 * the operators' presence, which goes only to supervisors and managers who download the workbook.
 */
@Component
class ReportWorkbookFiles implements ReportWorkbooks {

  private static final ActivityReport.Filter EVERYTHING =
      new ActivityReport.Filter(null, null, null);

  private final SlaReports reports;
  private final ActivityReports activity;
  private final SatisfactionResults satisfaction;

  ReportWorkbookFiles(
      SlaReports reports, ActivityReports activity, SatisfactionResults satisfaction) {
    this.reports = reports;
    this.activity = activity;
    this.satisfaction = satisfaction;
  }

  @Override
  public File monthlySla(YearMonth month) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SlaWorkbook.write(
        reports,
        activity.report(month.atDay(1), month.atEndOfMonth(), EVERYTHING),
        null,
        satisfaction(month.atDay(1), month.atEndOfMonth()),
        null,
        month,
        out);
    return new File("sla-" + month + ".xlsx", SlaWorkbook.MEDIA_TYPE, out.toByteArray());
  }

  @Override
  public File activity(LocalDate from, LocalDate to, String label) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SlaWorkbook.writeActivity(
        activity.report(from, to, EVERYTHING), satisfaction(from, to), null, reports.zone(), out);
    return new File("activity-" + label + ".xlsx", SlaWorkbook.MEDIA_TYPE, out.toByteArray());
  }

  private SatisfactionReport satisfaction(LocalDate from, LocalDate to) {
    return satisfaction.report(
        from, to, reports.zone(), new SatisfactionResults.Filter(null, null, null));
  }
}
