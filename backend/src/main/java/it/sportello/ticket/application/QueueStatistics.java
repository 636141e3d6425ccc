package it.sportello.ticket.application;

import it.sportello.sla.SlaProperties;
import it.sportello.sla.SlaService;
import it.sportello.ticket.domain.Queue;
import it.sportello.ticket.domain.QueueRepository;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervisor's live view of the queues, counted in the database: open tickets waiting to be
 * taken in charge, in progress, the oldest waiting, and how many are at risk of or past an SLA
 * target. A ticket is at risk when its deadline falls within the at-risk share of the target's
 * working time.
 */
@Service
public class QueueStatistics {

  private final NamedParameterJdbcTemplate jdbc;
  private final QueueRepository queues;
  private final SlaService sla;
  private final SlaProperties slaProperties;
  private final Clock clock;

  QueueStatistics(
      NamedParameterJdbcTemplate jdbc,
      QueueRepository queues,
      SlaService sla,
      SlaProperties slaProperties,
      Clock clock) {
    this.jdbc = jdbc;
    this.queues = queues;
    this.sla = sla;
    this.slaProperties = slaProperties;
    this.clock = clock;
  }

  public record QueueFigures(
      String queue,
      String nameIt,
      String nameEn,
      long waiting,
      long inProgress,
      Instant oldestWaitingSince,
      long atRisk,
      long breached) {}

  @Transactional(readOnly = true)
  public List<QueueFigures> queues() {
    Instant now = clock.instant();
    Map<String, long[]> counts = new HashMap<>();
    Map<String, Instant> oldest = new HashMap<>();
    jdbc.query(
        """
        select queue,
               count(*) filter (where taken_in_charge_at is null) as waiting,
               count(*) filter (where taken_in_charge_at is not null) as in_progress,
               min(received_at) filter (where taken_in_charge_at is null) as oldest,
               count(*) filter (where (taken_in_charge_at is null and take_in_charge_due_at < :now)
                   or (sla_paused_at is null and resolution_due_at < :now)) as breached
        from sportello.ticket where status <> 'CLOSED' and queue is not null group by queue""",
        new MapSqlParameterSource("now", Timestamp.from(now)),
        row -> {
          counts.put(
              row.getString("queue"),
              new long[] {
                row.getLong("waiting"), row.getLong("in_progress"), row.getLong("breached"), 0
              });
          Timestamp since = row.getTimestamp("oldest");
          if (since != null) {
            oldest.put(row.getString("queue"), since.toInstant());
          }
        });
    slaProperties
        .policies()
        .forEach((policy, targets) -> countAtRisk(policy, targets, now, counts));
    List<QueueFigures> figures = new ArrayList<>();
    for (Queue queue : queues.findAll()) {
      long[] c = counts.getOrDefault(queue.getCode(), new long[4]);
      figures.add(
          new QueueFigures(
              queue.getCode(),
              queue.getNameIt(),
              queue.getNameEn(),
              c[0],
              c[1],
              oldest.get(queue.getCode()),
              c[3],
              c[2]));
    }
    return figures;
  }

  /**
   * At risk: not yet past the deadline, but with less than the at-risk share of working time left.
   */
  private void countAtRisk(
      String policy, SlaProperties.Policy targets, Instant now, Map<String, long[]> counts) {
    Instant takeInChargeLimit = sla.atRiskHorizon(targets.takeInCharge(), now);
    Instant resolutionLimit = sla.atRiskHorizon(targets.resolution(), now);
    jdbc.query(
        """
        select queue, count(*) as at_risk from sportello.ticket
        where status <> 'CLOSED' and queue is not null and sla_policy = :policy
          and not ((taken_in_charge_at is null and take_in_charge_due_at < :now)
                or (sla_paused_at is null and resolution_due_at < :now))
          and ((taken_in_charge_at is null and take_in_charge_due_at >= :now
                and take_in_charge_due_at <= :takeInChargeLimit)
            or (sla_paused_at is null and resolution_due_at >= :now
                and resolution_due_at <= :resolutionLimit))
        group by queue""",
        new MapSqlParameterSource()
            .addValue("policy", policy)
            .addValue("now", Timestamp.from(now))
            .addValue("takeInChargeLimit", Timestamp.from(takeInChargeLimit))
            .addValue("resolutionLimit", Timestamp.from(resolutionLimit)),
        row -> {
          counts.computeIfAbsent(row.getString("queue"), q -> new long[4])[3] +=
              row.getLong("at_risk");
        });
  }
}
