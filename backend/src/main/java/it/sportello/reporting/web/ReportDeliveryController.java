package it.sportello.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.reporting.delivery.ReportDeliveries;
import it.sportello.reporting.delivery.ReportDeliveries.Delivery;
import it.sportello.reporting.delivery.ReportDeliveryProperties.Schedule;
import it.sportello.reporting.delivery.ReportSet;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The report sets sent by mail on a schedule: the schedules, their deliveries, a send now. */
@Tag(name = "Reports")
@RestController
@RequestMapping("/api/reports/deliveries")
class ReportDeliveryController {

  static final int LATEST = 50;

  private final ReportDeliveries deliveries;

  ReportDeliveryController(ReportDeliveries deliveries) {
    this.deliveries = deliveries;
  }

  /**
   * The scheduled deliveries and the latest deliveries.
   *
   * @param scheduling whether the schedules run on their cron on this installation
   * @param zone the zone of the crons and of the periods (the service calendar's)
   */
  record DeliveriesView(
      boolean scheduling, String zone, List<ScheduleView> schedules, List<Delivery> deliveries) {}

  /**
   * A schedule as configured ({@code sportello.reporting.deliveries}).
   *
   * @param mailbox the mailbox it sends from (the default one when it names none)
   * @param nextRun when its cron fires next
   */
  record ScheduleView(
      String id,
      String description,
      String cron,
      ReportSet report,
      List<String> recipients,
      String language,
      String mailbox,
      OffsetDateTime nextRun) {}

  /**
   * @param period the period to send: {@code YYYY-MM} for a monthly set, {@code YYYY-Www} for a
   *     weekly one; none: the period that ended last
   */
  record RunRequest(
      @Schema(description = "YYYY-MM (monthly) or YYYY-Www (weekly); default: the last period")
          String period) {}

  @Operation(
      summary =
          "The report sets sent by mail on a schedule, with their next run, and the latest"
              + " deliveries with their period, recipients, status and error")
  @GetMapping
  DeliveriesView deliveries() {
    return new DeliveriesView(
        deliveries.scheduling(),
        deliveries.zone().getId(),
        deliveries.schedules().stream().map(this::view).toList(),
        deliveries.latest(LATEST));
  }

  @Operation(
      summary =
          "Sends a schedule's report set for a period now (again, if it was sent already):"
              + " recorded as a manual delivery; FAILED with the error when it cannot be made")
  @PostMapping("/{scheduleId}/runs")
  @ResponseStatus(HttpStatus.CREATED)
  Delivery runDelivery(
      @Parameter(description = "The schedule's id, e.g. monthly-sla") @PathVariable
          String scheduleId,
      @RequestBody(required = false) RunRequest request,
      Principal principal) {
    return deliveries.run(
        scheduleId, request == null ? null : request.period(), principal.getName());
  }

  private ScheduleView view(Schedule schedule) {
    return new ScheduleView(
        schedule.id(),
        schedule.description(),
        schedule.cron(),
        schedule.report(),
        schedule.recipients(),
        schedule.language(),
        deliveries.mailboxOf(schedule).orElse(null),
        deliveries.nextRun(schedule).map(next -> next.toOffsetDateTime()).orElse(null));
  }
}
