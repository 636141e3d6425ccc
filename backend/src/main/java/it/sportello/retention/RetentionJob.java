package it.sportello.retention;

import io.swagger.v3.oas.annotations.media.Schema;
import it.sportello.audit.AuditEntry;
import it.sportello.audit.AuditLog;
import it.sportello.shared.RetentionTask;
import it.sportello.shared.RetentionTask.Action;
import it.sportello.shared.RetentionTask.Preview;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The retention job: for each kind of data, the items older than its period are removed in batches
 * (each its own transaction, at most {@code max-batches-per-kind} per run: what is left waits for
 * the next run, which resumes where this one stopped, since removed items no longer match). One
 * node at a time: a lease row in {@code job_lock}. Each run writes one audit row per kind with the
 * count ({@code RETENTION}, resource {@code retention:<kind>}).
 */
@Service
public class RetentionJob implements InitializingBean {

  static final String LOCK = "retention";
  static final String ACTOR = "retention-job";
  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  private final List<RetentionTask> tasks;
  private final RetentionProperties properties;
  private final JdbcTemplate jdbc;
  private final AuditLog audit;
  private final Clock clock;
  private final String node = ManagementFactory.getRuntimeMXBean().getName();

  RetentionJob(
      List<RetentionTask> tasks,
      RetentionProperties properties,
      JdbcTemplate jdbc,
      AuditLog audit,
      Clock clock) {
    this.tasks = tasks.stream().sorted(Comparator.comparing(RetentionTask::kind)).toList();
    this.properties = properties;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** Every kind that removes something has a period: a missing one stops the start. */
  @Override
  public void afterPropertiesSet() {
    for (RetentionTask task : tasks) {
      if (task.action() != Action.ENGINE && !properties.periods().containsKey(task.kind())) {
        throw new IllegalStateException(
            "No retention period for " + task.kind() + ": set sportello.retention.periods.");
      }
    }
  }

  /** One kind in the report. */
  public record KindReport(
      String kind, Action action, Long periodDays, Instant cutoff, long count, Instant oldest) {}

  /** Something the job never removes, with how many of them are older than the period. */
  public record Kept(String what, long count, String why) {}

  /** The dry run: what the next run would remove per kind, and what it keeps whatever its age. */
  @Schema(name = "RetentionReport")
  public record Report(Instant at, List<KindReport> kinds, List<Kept> kept) {}

  /** One kind of a run: how many items it removed, whether some are left for the next run. */
  public record KindOutcome(String kind, Action action, int removed, boolean more) {}

  /** A run: null outcomes when another node holds the job. */
  public record Outcome(boolean ran, List<KindOutcome> kinds) {}

  @Scheduled(
      cron = "${sportello.retention.cron:0 0 2 * * *}",
      zone = "${sportello.sla.calendar.zone}")
  void nightly() {
    if (properties.enabled()) {
      run();
    }
  }

  /** What the next run would remove; changes nothing. */
  public Report preview() {
    Instant now = clock.instant();
    List<KindReport> kinds = new ArrayList<>();
    for (RetentionTask task : tasks) {
      Duration period = period(task).orElse(null);
      Instant cutoff = period == null ? now : now.minus(period);
      Preview preview = task.preview(cutoff);
      kinds.add(
          new KindReport(
              task.kind(),
              task.action(),
              period == null ? null : period.toDays(),
              cutoff,
              preview.count(),
              preview.oldest()));
    }
    return new Report(now, kinds, kept(now));
  }

  private List<Kept> kept(Instant now) {
    Instant ticketCutoff =
        now.minus(properties.periods().getOrDefault("closed-tickets", Duration.ZERO));
    Timestamp cutoff = Timestamp.from(ticketCutoff);
    long open =
        jdbc.queryForObject(
            "select count(*) from sportello.ticket where status <> 'CLOSED' and received_at < ?",
            Long.class,
            cutoff);
    long underProceeding =
        jdbc.queryForObject(
            """
            select count(*) from sportello.ticket t
            where t.status = 'CLOSED' and t.anonymised_at is null and t.closed_at < ?
              and exists (select 1 from sportello.complaint c
                          where c.ticket_number = t.number and c.closed_at is null)
            """,
            Long.class,
            cutoff);
    long protocol =
        jdbc.queryForObject(
            """
            select count(*) from sportello.ticket t
            where t.status = 'CLOSED' and t.anonymised_at is null and t.closed_at < ?
              and exists (select 1 from sportello.letter l where l.ticket_number = t.number)
            """,
            Long.class,
            cutoff);
    long letters = jdbc.queryForObject("select count(*) from sportello.letter", Long.class);
    return List.of(
        new Kept(
            "open-tickets", open, "open tickets are never removed (received before the period)"),
        new Kept(
            "tickets-under-proceeding",
            underProceeding,
            "closed tickets past the period with a complaint under proceeding"),
        new Kept(
            "tickets-in-protocol-register",
            protocol,
            "closed tickets past the period linked to a protocol register entry"),
        new Kept(
            "protocol-register",
            letters,
            "the protocol register (letters, their correspondents and documents) is kept by law"));
  }

  /**
   * Runs the job now on this node, unless another holds it: each kind in bounded batches, its count
   * in the audit.
   */
  public Outcome run() {
    if (!acquire()) {
      log.info("Retention job held by another node; skipped");
      return new Outcome(false, List.of());
    }
    try {
      List<KindOutcome> outcomes = new ArrayList<>();
      for (RetentionTask task : tasks) {
        Optional<Duration> period = period(task);
        if (period.isEmpty() || task.action() == Action.KEEP || task.action() == Action.ENGINE) {
          continue;
        }
        Instant cutoff = clock.instant().minus(period.get());
        int removed = 0;
        boolean more = false;
        for (int batch = 0; ; batch++) {
          if (batch == properties.maxBatchesPerKind()) {
            more = true;
            break;
          }
          int count = task.purgeBatch(cutoff, properties.batchSize());
          removed += count;
          if (count < properties.batchSize()) {
            break;
          }
          renew();
        }
        outcomes.add(new KindOutcome(task.kind(), task.action(), removed, more));
        audit.record(
            new AuditEntry(
                ACTOR,
                null,
                "RETENTION",
                "retention:" + task.kind(),
                String.valueOf(removed),
                null,
                AuditEntry.SUCCESS,
                task.action()
                    + " "
                    + removed
                    + " older than "
                    + cutoff
                    + (more ? " (more left for the next run)" : ""),
                null));
        if (removed > 0) {
          log.info("Retention: {} {} ({})", task.action(), removed, task.kind());
        }
      }
      return new Outcome(true, outcomes);
    } finally {
      release();
    }
  }

  private Optional<Duration> period(RetentionTask task) {
    return Optional.ofNullable(properties.periods().get(task.kind()));
  }

  private boolean acquire() {
    Instant now = clock.instant();
    jdbc.update(
        "insert into sportello.job_lock (name, locked_by, locked_at, locked_until)"
            + " values (?, ?, ?, ?) on conflict (name) do nothing",
        LOCK,
        "",
        Timestamp.from(Instant.EPOCH),
        Timestamp.from(Instant.EPOCH));
    return jdbc.update(
            "update sportello.job_lock set locked_by = ?, locked_at = ?, locked_until = ?"
                + " where name = ? and locked_until <= ?",
            node,
            Timestamp.from(now),
            Timestamp.from(now.plus(properties.lease())),
            LOCK,
            Timestamp.from(now))
        == 1;
  }

  private void renew() {
    jdbc.update(
        "update sportello.job_lock set locked_until = ? where name = ? and locked_by = ?",
        Timestamp.from(clock.instant().plus(properties.lease())),
        LOCK,
        node);
  }

  private void release() {
    jdbc.update(
        "update sportello.job_lock set locked_until = ? where name = ? and locked_by = ?",
        Timestamp.from(Instant.EPOCH),
        LOCK,
        node);
  }

  /** The configured periods (the README's table, the report page). */
  public Map<String, Duration> periods() {
    return properties.periods();
  }
}
