package it.sportello.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.distribution.PresenceReport;
import it.sportello.platform.security.Role;
import it.sportello.reporting.ActivityReport;
import it.sportello.reporting.ActivityReports;
import it.sportello.reporting.CallResult;
import it.sportello.reporting.KbUsageReports;
import it.sportello.reporting.ReportingProperties.ContractSla;
import it.sportello.reporting.SlaReport;
import it.sportello.reporting.SlaReports;
import it.sportello.reporting.TicketResult;
import it.sportello.reporting.TicketResult.Result;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.web.CsvDownload;
import it.sportello.shared.web.Downloads;
import it.sportello.shared.web.PageResponse;
import it.sportello.survey.SatisfactionResults;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The monthly SLA report, the tickets behind each figure, and its Excel and CSV exports. */
@Tag(name = "Reports", description = "Contract service levels, penalties and their tickets")
@RestController
@RequestMapping("/api/reports")
class SlaReportController {

  static final int MAX_PAGE_SIZE = 500;
  private static final String MONTH_HELP = "Month as YYYY-MM, e.g. 2026-11; default: this month";
  private static final String RESULT_HELP = "MET, MISSED or EXCLUDED; default: all";

  private final SlaReports reports;
  private final ActivityReports activity;
  private final KbUsageReports kbUsage;
  private final SatisfactionResults satisfaction;
  private final PresenceReport presence;

  SlaReportController(
      SlaReports reports,
      ActivityReports activity,
      KbUsageReports kbUsage,
      SatisfactionResults satisfaction,
      PresenceReport presence) {
    this.presence = presence;
    this.satisfaction = satisfaction;
    this.reports = reports;
    this.activity = activity;
    this.kbUsage = kbUsage;
  }

  @Operation(
      summary =
          "Monthly SLA report: each contract SLA's value, threshold adjusted for overflow, verdict"
              + " and penalty, with the breakdown by channel, queue and type")
  @GetMapping("/sla")
  SlaReport report(
      @Parameter(description = MONTH_HELP) @RequestParam(required = false) String month) {
    return reports.report(month(month));
  }

  @Operation(
      summary =
          "The tickets behind a figure of the monthly SLA report: each ticket's working time,"
              + " pauses, result and reason, in order of reception")
  @GetMapping("/sla/tickets")
  PageResponse<SlaTicketRow> tickets(
      @Parameter(description = MONTH_HELP) @RequestParam(required = false) String month,
      @Parameter(description = "SLA code, e.g. SLA.O.1; default: every SLA measured on tickets")
          @RequestParam(required = false)
          String sla,
      @Parameter(description = RESULT_HELP) @RequestParam(required = false) String result,
      @Parameter(description = "Channel, e.g. EMAIL") @RequestParam(required = false)
          String channel,
      @Parameter(description = "Queue, e.g. general") @RequestParam(required = false) String queue,
      @Parameter(description = "Ticket type, e.g. Q") @RequestParam(required = false) String type,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    Query query = query(month, sla, true, result, page, size);
    Predicate<TicketResult> filter =
        candidate ->
            (sla == null || candidate.sla().equals(sla))
                && (query.result() == null || candidate.result() == query.result())
                && (channel == null || channel.equals(candidate.ticket().channel()))
                && (queue == null || queue.equals(candidate.ticket().queue()))
                && (type == null || type.equals(candidate.ticket().type()));
    return PageResponse.of(
        reports.results(query.month(), filter, page, size), item -> SlaTicketRow.of(item, reports));
  }

  @Operation(
      summary =
          "The calls behind a phone figure of the monthly SLA report: each inbound call's queue"
              + " time, outcome, ticket, result and reason, in order of arrival")
  @GetMapping("/sla/calls")
  PageResponse<SlaCallRow> calls(
      @Parameter(description = MONTH_HELP) @RequestParam(required = false) String month,
      @Parameter(description = "SLA code, e.g. SLA.C.2; default: every SLA measured on calls")
          @RequestParam(required = false)
          String sla,
      @Parameter(description = RESULT_HELP) @RequestParam(required = false) String result,
      @Parameter(description = "Queue, e.g. general") @RequestParam(required = false) String queue,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    Query query = query(month, sla, false, result, page, size);
    Predicate<CallResult> filter =
        candidate ->
            (sla == null || candidate.sla().equals(sla))
                && (query.result() == null || candidate.result() == query.result())
                && (queue == null || queue.equals(candidate.call().queue()));
    return PageResponse.of(
        reports.callResults(query.month(), filter, page, size),
        item -> SlaCallRow.of(item, reports));
  }

  private record Query(YearMonth month, Result result) {}

  /** The parameters shared by the detail lists, every bad one named at once. */
  private Query query(
      String month, String sla, boolean onTickets, String result, int page, int size) {
    List<FieldViolation> violations = new ArrayList<>();
    YearMonth period = null;
    try {
      period = month(month);
    } catch (InvalidRequestException e) {
      violations.addAll(e.violations());
    }
    if (sla != null
        && reports.sla(sla).filter(found -> found.measuresTickets() == onTickets).isEmpty()) {
      violations.add(
          new FieldViolation(
              "sla",
              "must be one of "
                  + reports.definitions().stream()
                      .filter(definition -> definition.measuresTickets() == onTickets)
                      .map(ContractSla::code)
                      .toList()
                  + (onTickets ? " (phone SLAs: /api/reports/sla/calls)" : "")));
    }
    Result wanted = null;
    if (result != null) {
      try {
        wanted = Result.valueOf(result);
      } catch (IllegalArgumentException e) {
        violations.add(new FieldViolation("result", "must be one of MET, MISSED, EXCLUDED"));
      }
    }
    if (page < 0) {
      violations.add(new FieldViolation("page", "must be 0 or more"));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      violations.add(new FieldViolation("size", "must be between 1 and " + MAX_PAGE_SIZE));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return new Query(period, wanted);
  }

  @Operation(
      summary =
          "The monthly SLA report as Excel: sheet SLA (the figures), sheet Tickets (every ticket's"
              + " result), then the month's activity: Days, Hour bands, Outcomes, Backlog, KB usage,"
              + " Satisfaction, Satisfaction answers, Presence (time per state and pauses by reason per"
              + " operator and day)")
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = SlaWorkbook.MEDIA_TYPE,
              schema = @Schema(type = "string", format = "binary")))
  @GetMapping("/sla.xlsx")
  void xlsx(
      @Parameter(description = MONTH_HELP) @RequestParam(required = false) String month,
      HttpServletResponse response,
      Authentication authentication)
      throws IOException {
    YearMonth period = month(month);
    // the operators' presence only for those who may read it (the presence report's roles)
    boolean presenceReader =
        authentication.getAuthorities().stream()
            .anyMatch(
                granted ->
                    granted.getAuthority().equals(Role.SUPERVISOR.authority())
                        || granted.getAuthority().equals(Role.MANAGER.authority()));
    Downloads.attachment(response, "sla-" + period + ".xlsx", SlaWorkbook.MEDIA_TYPE);
    SlaWorkbook.write(
        reports,
        activity.report(
            period.atDay(1), period.atEndOfMonth(), new ActivityReport.Filter(null, null, null)),
        kbUsage.report(period.atDay(1), period.atEndOfMonth()),
        satisfaction.report(
            period.atDay(1),
            period.atEndOfMonth(),
            reports.zone(),
            new SatisfactionResults.Filter(null, null, null)),
        presenceReader ? presence.days(period.atDay(1), period.atEndOfMonth()) : null,
        period,
        response.getOutputStream());
  }

  @Operation(
      summary = "Every ticket's result of the monthly SLA report as CSV (UTF-8, comma-separated)")
  @ApiResponse(
      responseCode = "200",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @GetMapping("/sla.csv")
  void csv(
      @Parameter(description = MONTH_HELP) @RequestParam(required = false) String month,
      HttpServletResponse response)
      throws IOException {
    YearMonth period = month(month);
    CsvDownload csv =
        CsvDownload.start(response, "sla-" + period + ".csv", ',', List.of(SlaTicketRow.HEADERS));
    reports.forEachResult(
        period,
        reports.now(),
        result -> csv.row((Object[]) SlaTicketRow.of(result, reports).csv()));
    csv.finish();
  }

  @Operation(
      summary =
          "Every inbound call's result against the phone SLAs of the month as CSV (UTF-8,"
              + " comma-separated)")
  @ApiResponse(
      responseCode = "200",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @GetMapping("/sla/calls.csv")
  void callsCsv(
      @Parameter(description = MONTH_HELP) @RequestParam(required = false) String month,
      HttpServletResponse response)
      throws IOException {
    YearMonth period = month(month);
    CsvDownload csv =
        CsvDownload.start(
            response, "sla-calls-" + period + ".csv", ',', List.of(SlaCallRow.HEADERS));
    reports.forEachCallResult(
        period, result -> csv.row((Object[]) SlaCallRow.of(result, reports).csv()));
    csv.finish();
  }

  private YearMonth month(String month) {
    if (month == null || month.isBlank()) {
      return reports.currentMonth();
    }
    try {
      return YearMonth.parse(month.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("month", "must be a month as YYYY-MM, e.g. 2026-11");
    }
  }
}
