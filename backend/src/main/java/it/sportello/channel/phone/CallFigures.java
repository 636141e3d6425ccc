package it.sportello.channel.phone;

import it.sportello.sla.SlaService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The phone figures of a calendar month (in the service calendar's zone), from the calls offered to
 * the queues: answered, abandoned in queue, lost (and those turned away busy); the share of
 * answered calls that waited less than 30 seconds and at most 90 (SLA.C.2), the share abandoned
 * (SLA.C.3), average wait and talk time; in all and per queue.
 */
@Service
public class CallFigures {

  static final int FAST_ANSWER_SECONDS = 30;
  static final int MAX_WAIT_SECONDS = 90;

  private final JdbcClient jdbc;
  private final ZoneId zone;

  CallFigures(JdbcTemplate jdbcTemplate, SlaService sla) {
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.zone = sla.calendar().zone();
  }

  /**
   * @param queue null for the total
   * @param offered calls that found a free line and entered a queue
   * @param busy calls turned away because the line was busy (not offered)
   * @param answeredWithin30s percent of answered calls that waited less than 30 s (null: none)
   * @param answeredWithin90s percent of answered calls that waited at most 90 s
   * @param abandonedShare percent of offered calls abandoned in queue
   */
  public record Figures(
      String queue,
      long offered,
      long busy,
      long answered,
      long abandoned,
      long unanswered,
      BigDecimal answeredWithin30s,
      BigDecimal answeredWithin90s,
      BigDecimal abandonedShare,
      BigDecimal averageWaitSeconds,
      BigDecimal averageTalkSeconds) {}

  public record Month(String month, Figures total, List<Figures> queues) {}

  @Transactional(readOnly = true)
  public Month of(YearMonth month) {
    Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    List<Figures> rows =
        jdbc.sql(
                """
                select grouping(queue) as is_total, coalesce(queue, '-') as queue,
                       count(*) filter (where outcome is distinct from 'BUSY') as offered,
                       count(*) filter (where outcome = 'BUSY') as busy,
                       count(*) filter (where outcome = 'ANSWERED') as answered,
                       count(*) filter (where outcome = 'ABANDONED') as abandoned,
                       count(*) filter (where outcome = 'UNANSWERED') as unanswered,
                       count(*) filter (where outcome = 'ANSWERED' and wait_seconds < :fast) as fast,
                       count(*) filter (where outcome = 'ANSWERED' and wait_seconds <= :max) as within_max,
                       avg(wait_seconds) filter (where outcome = 'ANSWERED') as avg_wait,
                       avg(talk_seconds) filter (where outcome = 'ANSWERED') as avg_talk
                from sportello.phone_call
                where offered_at >= :from and offered_at < :to
                group by grouping sets ((queue), ())
                order by is_total desc, queue
                """)
            .param("fast", FAST_ANSWER_SECONDS)
            .param("max", MAX_WAIT_SECONDS)
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .query(
                (rs, row) -> {
                  long offered = rs.getLong("offered");
                  long answered = rs.getLong("answered");
                  long abandoned = rs.getLong("abandoned");
                  return new Figures(
                      rs.getInt("is_total") == 1 ? null : rs.getString("queue"),
                      offered,
                      rs.getLong("busy"),
                      answered,
                      abandoned,
                      rs.getLong("unanswered"),
                      percent(rs.getLong("fast"), answered),
                      percent(rs.getLong("within_max"), answered),
                      percent(abandoned, offered),
                      scale(rs.getBigDecimal("avg_wait")),
                      scale(rs.getBigDecimal("avg_talk")));
                })
            .list();
    // the grand total (the empty grouping set) sorts first; calls offered without a queue count as
    // "-"
    Figures total =
        rows.isEmpty() || rows.get(0).queue() != null
            ? new Figures(null, 0, 0, 0, 0, 0, null, null, null, null, null)
            : rows.get(0);
    return new Month(
        month.toString(), total, rows.stream().filter(f -> f.queue() != null).toList());
  }

  private static BigDecimal percent(long part, long whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(part * 100L)
            .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }

  private static BigDecimal scale(BigDecimal value) {
    return value == null ? null : value.setScale(1, RoundingMode.HALF_UP);
  }
}
