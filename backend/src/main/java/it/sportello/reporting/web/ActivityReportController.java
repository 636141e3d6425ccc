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
      @Parameter(description = ReportDays.FROM_HELP) @RequestParam(required = false) String from,
      @Parameter(description = ReportDays.TO_HELP) @RequestParam(required = false) String to,
      @Parameter(description = "Channel, e.g. EMAIL") @RequestParam(required = false)
          String channel,
      @Parameter(description = "Queue, e.g. general") @RequestParam(required = false) String queue,
      @Parameter(description = "Ticket type, e.g. Q") @RequestParam(required = false) String type) {
    List<FieldViolation> violations = new ArrayList<>();
    ReportDays days = ReportDays.parse(from, to, slaReports, violations);
    oneOf("channel", channel, Arrays.stream(Channel.values()).map(Enum::name).toList(), violations);
    oneOf("type", type, Arrays.stream(TicketType.values()).map(Enum::name).toList(), violations);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return reports.report(
        days.first(),
        days.last(),
        new ActivityReport.Filter(blankToNull(channel), blankToNull(queue), blankToNull(type)));
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
