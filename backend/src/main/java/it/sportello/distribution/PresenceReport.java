package it.sportello.distribution;

import io.swagger.v3.oas.annotations.media.Schema;
import it.sportello.sla.SlaService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Time per presence state per operator and day (on the service calendar's days), from the presence
 * log: occupancy and pauses by reason.
 */
@Service
public class PresenceReport {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final SlaService sla;

  PresenceReport(JdbcTemplate jdbcTemplate, Clock clock, SlaService sla) {
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.clock = clock;
    this.sla = sla;
  }

  @Schema(description = "One operator's day")
  public record PresenceDay(
      String operator,
      LocalDate day,
      @Schema(description = "Seconds in each state") Map<PresenceState, Long> seconds,
      @Schema(description = "Seconds paused, per reason") Map<String, Long> pausesByReason,
      @Schema(description = "BUSY / (AVAILABLE + BUSY), 0 to 1; null without either")
          Double occupancy) {}

  /** Every operator's days from {@code from} to {@code to} (inclusive). */
  public List<PresenceDay> days(LocalDate from, LocalDate to) {
    ZoneId zone = sla.calendar().zone();
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
    Instant now = clock.instant();
    Map<String, Map<LocalDate, Acc>> all = new TreeMap<>();
    jdbc.sql(
            """
            select operator, state, reason, started_at, ended_at
            from sportello.distribution_presence_log
            where started_at < :end and (ended_at is null or ended_at > :start)
            """)
        .param("start", Timestamp.from(start))
        .param("end", Timestamp.from(end))
        .query(
            rs -> {
              Instant a = max(rs.getTimestamp("started_at").toInstant(), start);
              Timestamp ended = rs.getTimestamp("ended_at");
              Instant b = min(ended == null ? now : ended.toInstant(), end);
              PresenceState state = PresenceState.valueOf(rs.getString("state"));
              String reason = rs.getString("reason");
              Map<LocalDate, Acc> days =
                  all.computeIfAbsent(rs.getString("operator"), o -> new TreeMap<>());
              // split the interval on the calendar's midnights
              while (a.isBefore(b)) {
                LocalDate day = a.atZone(zone).toLocalDate();
                Instant midnight = day.plusDays(1).atStartOfDay(zone).toInstant();
                Instant until = min(midnight, b);
                days.computeIfAbsent(day, d -> new Acc())
                    .add(state, reason, Duration.between(a, until).toSeconds());
                a = until;
              }
            });
    List<PresenceDay> rows = new ArrayList<>();
    all.forEach(
        (operator, days) ->
            days.forEach(
                (day, acc) -> {
                  long available = acc.seconds.getOrDefault(PresenceState.AVAILABLE, 0L);
                  long busy = acc.seconds.getOrDefault(PresenceState.BUSY, 0L);
                  rows.add(
                      new PresenceDay(
                          operator,
                          day,
                          acc.seconds,
                          acc.pauses,
                          available + busy == 0 ? null : (double) busy / (available + busy)));
                }));
    return rows;
  }

  private static final class Acc {
    final Map<PresenceState, Long> seconds = new EnumMap<>(PresenceState.class);
    final Map<String, Long> pauses = new TreeMap<>();

    Acc() {
      for (PresenceState state : PresenceState.values()) {
        seconds.put(state, 0L);
      }
    }

    void add(PresenceState state, String reason, long s) {
      seconds.merge(state, s, Long::sum);
      if (state == PresenceState.PAUSED && reason != null) {
        pauses.merge(reason, s, Long::sum);
      }
    }
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
