package it.sportello.reporting.delivery;

import it.sportello.channel.mail.MailOutbox;
import it.sportello.channel.mail.MaskedAddresses;
import it.sportello.reporting.ReportWorkbooks;
import it.sportello.reporting.SlaReports;
import it.sportello.reporting.delivery.ReportDeliveryProperties.Schedule;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.TextTemplates;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a schedule's report set for a period and queues it as mail, one per recipient, in one
 * transaction with its {@code report_delivery} row: either everything or, when generation fails, a
 * FAILED row with the error. Sending is then the outbox's job, with its retries.
 */
@Service
public class ReportDeliveries {

  static final String TEMPLATE = "REPORT_DELIVERY";
  private static final Logger log = LoggerFactory.getLogger(ReportDeliveries.class);
  private static final int MAX_ERROR = 2000;

  private final ReportDeliveryProperties properties;
  private final ReportDeliveryTable table;
  private final ReportWorkbooks workbooks;
  private final MailOutbox outbound;
  private final SlaReports reports;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final TextTemplates texts;

  ReportDeliveries(
      ReportDeliveryProperties properties,
      ReportDeliveryTable table,
      ReportWorkbooks workbooks,
      MailOutbox outbound,
      SlaReports reports,
      PlatformTransactionManager transactionManager,
      Clock clock,
      TextTemplates texts) {
    this.texts = texts;
    this.properties = properties;
    this.table = table;
    this.workbooks = workbooks;
    this.outbound = outbound;
    this.reports = reports;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** A delivery as recorded, with how far its mail got. */
  public record Delivery(
      long id,
      String scheduleId,
      String period,
      boolean manual,
      Status status,
      List<String> recipients,
      String requestedBy,
      int attempts,
      String error,
      Instant createdAt,
      Instant updatedAt,
      int mailsSent,
      int mailsPending,
      int mailsFailed) {}

  /** Where a delivery stands. */
  public enum Status {
    /** The report could not be generated or queued; see the error. */
    FAILED,
    /** Queued in the outbox, some mail not sent yet. */
    QUEUED,
    /** Every mail sent. */
    SENT,
    /** Some mail failed for good after the outbox's retries. */
    NOT_SENT
  }

  public List<Schedule> schedules() {
    return properties.deliveries();
  }

  public Optional<Schedule> schedule(String id) {
    return properties.deliveries().stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** Whether the schedules run on their cron here. */
  public boolean scheduling() {
    return properties.scheduleDeliveries();
  }

  /** The zone of the crons and the periods: the service calendar's. */
  public ZoneId zone() {
    return reports.zone();
  }

  /** When the schedule runs next, after now. */
  public Optional<ZonedDateTime> nextRun(Schedule schedule) {
    return Optional.ofNullable(
        CronExpression.parse(schedule.cron()).next(clock.instant().atZone(zone())));
  }

  /** The mailbox the schedule sends from: its own, else the default one (if any). */
  public Optional<String> mailboxOf(Schedule schedule) {
    return schedule.mailbox() != null
        ? Optional.of(schedule.mailbox())
        : outbound.defaultMailboxId();
  }

  /**
   * The schedule's cron fired: the period that ended last is delivered, unless it already was, and
   * the periods whose scheduled delivery failed are tried again.
   *
   * @return the deliveries this trigger recorded (queued or failed); empty when all was done
   */
  public List<Delivery> trigger(String scheduleId) {
    Schedule schedule = known(scheduleId);
    ReportPeriod due = ReportPeriod.previous(schedule.report(), today());
    List<ReportPeriod> periods = new ArrayList<>();
    for (String failed : table.failedScheduledPeriods(scheduleId)) {
      if (!failed.equals(due.label())) {
        try {
          periods.add(ReportPeriod.parse(schedule.report(), failed));
        } catch (IllegalArgumentException e) {
          // a period of the schedule's former report set: left as it failed
          log.warn(
              "Report delivery {}: failed period {} is not a {} period",
              scheduleId,
              failed,
              schedule.report());
        }
      }
    }
    periods.add(due);
    List<Delivery> done = new ArrayList<>();
    for (ReportPeriod period : periods) {
      scheduled(schedule, period).flatMap(table::find).map(this::view).ifPresent(done::add);
    }
    return done;
  }

  /**
   * Sends the schedule's report set for a period now, again if it was already sent: recorded as a
   * manual delivery beside the scheduled one.
   *
   * @param period its label ({@code 2026-11}, {@code 2026-W47}); null: the period that ended last
   * @throws NotFoundException for an unknown schedule
   * @throws InvalidRequestException naming {@code period} when it is not one, or not begun
   */
  public Delivery run(String scheduleId, String period, String requestedBy) {
    Schedule schedule = known(scheduleId);
    ReportPeriod wanted;
    if (period == null || period.isBlank()) {
      wanted = ReportPeriod.previous(schedule.report(), today());
    } else {
      try {
        wanted = ReportPeriod.parse(schedule.report(), period);
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException("period", e.getMessage());
      }
      if (!wanted.begunBy(today())) {
        throw new InvalidRequestException("period", "must have begun: " + wanted.label());
      }
    }
    String recipients = String.join(", ", schedule.recipients());
    long id;
    try {
      id =
          transactions.execute(
              status -> {
                long created =
                    table.insertManual(
                        schedule.id(),
                        wanted.label(),
                        ReportDeliveryTable.QUEUED,
                        recipients,
                        requestedBy,
                        null,
                        clock.instant());
                queueMail(schedule, wanted, created);
                return created;
              });
    } catch (RuntimeException e) {
      log.warn(
          "Report delivery {} {} (manual, by {}) FAILED: {}",
          schedule.id(),
          wanted.label(),
          requestedBy,
          MaskedAddresses.maskAll(message(e)));
      log.debug("Report delivery {} {} failed", schedule.id(), wanted.label(), e);
      id =
          transactions.execute(
              status ->
                  table.insertManual(
                      schedule.id(),
                      wanted.label(),
                      ReportDeliveryTable.FAILED,
                      recipients,
                      requestedBy,
                      message(e),
                      clock.instant()));
    }
    return table.find(id).map(this::view).orElseThrow();
  }

  /** The latest deliveries, newest first. */
  public List<Delivery> latest(int limit) {
    List<ReportDeliveryTable.Row> rows = table.latest(limit);
    return views(rows);
  }

  private Optional<Long> scheduled(Schedule schedule, ReportPeriod period) {
    String recipients = String.join(", ", schedule.recipients());
    try {
      Optional<Long> queued =
          transactions.execute(
              status -> {
                Optional<Long> claimed =
                    table.claimScheduled(
                        schedule.id(), period.label(), recipients, clock.instant());
                claimed.ifPresent(id -> queueMail(schedule, period, id));
                return claimed;
              });
      if (queued.isPresent()) {
        // the recipients' addresses are personal data: how many at INFO, masked at DEBUG
        log.info(
            "Report delivery {} {} queued for {} recipient(s)",
            schedule.id(),
            period.label(),
            schedule.recipients().size());
        log.debug(
            "Report delivery {} {} recipients: {}",
            schedule.id(),
            period.label(),
            MaskedAddresses.maskAll(recipients));
      }
      return queued;
    } catch (RuntimeException e) {
      log.warn(
          "Report delivery {} {} FAILED, tried again at the next trigger: {}",
          schedule.id(),
          period.label(),
          MaskedAddresses.maskAll(message(e)));
      log.debug("Report delivery {} {} failed", schedule.id(), period.label(), e);
      try {
        Boolean recorded =
            transactions.execute(
                status ->
                    table.recordScheduledFailure(
                        schedule.id(), period.label(), recipients, message(e), clock.instant()));
        return Boolean.TRUE.equals(recorded)
            ? table.findScheduled(schedule.id(), period.label())
            : Optional.empty();
      } catch (RuntimeException recording) {
        log.warn("Report delivery {} {}: failure not recorded", schedule.id(), period.label());
        return Optional.empty();
      }
    }
  }

  /** Generates the workbook and queues one mail per recipient, linked to the delivery. */
  private void queueMail(Schedule schedule, ReportPeriod period, long deliveryId) {
    ReportWorkbooks.File file =
        switch (schedule.report()) {
          case MONTHLY -> workbooks.monthlySla(java.time.YearMonth.parse(period.label()));
          case WEEKLY -> workbooks.activity(period.from(), period.to(), period.label());
        };
    DeliveryTexts.Text text =
        DeliveryTexts.render(
            texts, schedule, period, clock.instant().atZone(zone()), file.fileName());
    MailOutbox.Attachment attachment =
        new MailOutbox.Attachment(file.fileName(), file.mediaType(), file.content());
    for (String recipient : schedule.recipients()) {
      MailOutbox.Queued queued =
          outbound
              .queue(
                  new MailOutbox.Letter(
                      null, false, recipient, text.subject(), text.body(), TEMPLATE, null),
                  schedule.mailbox(),
                  List.of(attachment))
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          schedule.mailbox() == null
                              ? "no mailbox can send mail"
                              : "mailbox " + schedule.mailbox() + " is unknown or cannot send"));
      table.linkMail(deliveryId, queued.id());
    }
  }

  private List<Delivery> views(List<ReportDeliveryTable.Row> rows) {
    Map<Long, String> statuses =
        outbound.statuses(rows.stream().flatMap(row -> row.mailIds().stream()).toList());
    return rows.stream().map(row -> view(row, statuses)).toList();
  }

  private Delivery view(ReportDeliveryTable.Row row) {
    return views(List.of(row)).get(0);
  }

  private static Delivery view(ReportDeliveryTable.Row row, Map<Long, String> statuses) {
    int sent = 0;
    int pending = 0;
    int failed = 0;
    for (Long id : row.mailIds()) {
      switch (statuses.getOrDefault(id, "PENDING")) {
        case "SENT" -> sent++;
        case "FAILED" -> failed++;
        default -> pending++;
      }
    }
    Status status;
    if (ReportDeliveryTable.FAILED.equals(row.status())) {
      status = Status.FAILED;
    } else if (failed > 0) {
      status = Status.NOT_SENT;
    } else if (pending > 0) {
      status = Status.QUEUED;
    } else {
      status = Status.SENT;
    }
    return new Delivery(
        row.id(),
        row.scheduleId(),
        row.period(),
        row.manual(),
        status,
        Arrays.stream(row.recipients().split(",")).map(String::strip).toList(),
        row.requestedBy(),
        row.attempts(),
        row.error(),
        row.createdAt(),
        row.updatedAt(),
        sent,
        pending,
        failed);
  }

  private Schedule known(String scheduleId) {
    return schedule(scheduleId)
        .orElseThrow(() -> new NotFoundException("No scheduled delivery " + scheduleId));
  }

  private LocalDate today() {
    return clock.instant().atZone(zone()).toLocalDate();
  }

  private static String message(RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message;
  }
}
