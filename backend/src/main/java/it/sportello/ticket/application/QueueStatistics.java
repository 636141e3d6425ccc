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

  /**
   * Each queue's figures in one pass over the open tickets (the partial index {@code
   * ticket_open_queue_figures_idx} holds every column read, V67): each ticket's at-risk horizons
   * come from its SLA policy's row, joined from a list of the configured policies.
   */
  @Transactional(readOnly = true)
  public List<QueueFigures> queues() {
    Instant now = clock.instant();
    MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(now));
    List<String> horizons = new ArrayList<>();
    slaProperties
        .policies()
        .forEach(
            (policy, targets) -> {
              int i = horizons.size();
              horizons.add(
                  "(cast(:policy%d as varchar), cast(:takeInCharge%d as timestamptz),"
                          .formatted(i, i)
                      + " cast(:resolution%d as timestamptz))".formatted(i));
              params
                  .addValue("policy" + i, policy)
                  .addValue(
                      "takeInCharge" + i,
                      Timestamp.from(sla.atRiskHorizon(targets.takeInCharge(), now)))
                  .addValue(
                      "resolution" + i,
                      Timestamp.from(sla.atRiskHorizon(targets.resolution(), now)));
            });
    Map<String, QueueFigures> byQueue = new HashMap<>();
    jdbc.query(
        """
        select t.queue,
               count(*) filter (where t.taken_in_charge_at is null) as waiting,
               count(*) filter (where t.taken_in_charge_at is not null) as in_progress,
               min(t.received_at) filter (where t.taken_in_charge_at is null) as oldest,
               count(*) filter (where b.breached) as breached,
               count(*) filter (where not b.breached
                   and ((t.taken_in_charge_at is null and t.take_in_charge_due_at >= :now
                         and t.take_in_charge_due_at <= h.take_in_charge)
                     or (t.sla_paused_at is null and t.resolution_due_at >= :now
                         and t.resolution_due_at <= h.resolution))) as at_risk
          from sportello.ticket t
          cross join lateral (
               select (t.taken_in_charge_at is null and t.take_in_charge_due_at < :now)
                   or (t.sla_paused_at is null and t.resolution_due_at < :now) as breached) b
          left join (%s) h(policy, take_in_charge, resolution) on h.policy = t.sla_policy
         where t.status <> 'CLOSED' and t.queue is not null
         group by t.queue"""
            .formatted(
                horizons.isEmpty()
                    ? "select null::varchar, null::timestamptz, null::timestamptz where false"
                    : "values " + String.join(", ", horizons)),
        params,
        row -> {
          Timestamp since = row.getTimestamp("oldest");
          byQueue.put(
              row.getString("queue"),
              new QueueFigures(
                  row.getString("queue"),
                  null,
                  null,
                  row.getLong("waiting"),
                  row.getLong("in_progress"),
                  since == null ? null : since.toInstant(),
                  row.getLong("at_risk"),
                  row.getLong("breached")));
        });
    List<QueueFigures> figures = new ArrayList<>();
    for (Queue queue : queues.findAll()) {
      QueueFigures counted = byQueue.get(queue.getCode());
      figures.add(
          new QueueFigures(
              queue.getCode(),
              queue.getNameIt(),
              queue.getNameEn(),
              counted == null ? 0 : counted.waiting(),
              counted == null ? 0 : counted.inProgress(),
              counted == null ? null : counted.oldestWaitingSince(),
              counted == null ? 0 : counted.atRisk(),
              counted == null ? 0 : counted.breached()));
    }
    return figures;
  }
}
