package it.sportello.reporting;

import it.sportello.reporting.ActivityReport.Backlog;
import it.sportello.reporting.ActivityReport.Day;
import it.sportello.reporting.ActivityReport.Durations;
import it.sportello.reporting.ActivityReport.Filter;
import it.sportello.reporting.ActivityReport.HourBand;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The activity report, aggregated by PostgreSQL from our own ticket table (never from the engine's
 * history): each figure is one grouped query over the tickets received, or closed, in the period,
 * which the indexes on {@code received_at} and {@code closed_at} keep to the period's rows; the
 * backlog reads the open tickets through their partial index.
 */
@Service
public class ActivityReports {

  /** The ageing buckets of the backlog, in days since reception. */
  private static final String AGEING =
      """
      case when received_at > cast(:asOf as timestamptz) - interval '1 day' then '<1d'
           when received_at > cast(:asOf as timestamptz) - interval '3 days' then '1-3d'
           when received_at > cast(:asOf as timestamptz) - interval '7 days' then '3-7d'
           when received_at > cast(:asOf as timestamptz) - interval '30 days' then '7-30d'
           else '>30d' end""";

  private final NamedParameterJdbcTemplate jdbc;
  private final SlaReports slaReports;
  private final ChatActivity chats;
  private final Clock clock;

  ActivityReports(
      NamedParameterJdbcTemplate jdbc, SlaReports slaReports, ChatActivity chats, Clock clock) {
    this.jdbc = jdbc;
    this.chats = chats;
    this.slaReports = slaReports;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public ActivityReport report(LocalDate from, LocalDate to, Filter filter) {
    ZoneId zone = slaReports.zone();
    Instant asOf = clock.instant();
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
            .addValue("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
            .addValue("zone", zone.getId())
            .addValue("asOf", Timestamp.from(asOf))
            .addValue("channel", filter.channel())
            .addValue("queue", filter.queue())
            .addValue("type", filter.type());
    String where =
        """
        (cast(:channel as varchar) is null or channel = :channel)
        and (cast(:queue as varchar) is null or queue = :queue)
        and (cast(:type as varchar) is null or type = :type)""";
    String receivedIn = "received_at >= :from and received_at < :to and " + where;
    String closedIn = "closed_at >= :from and closed_at < :to and " + where;

    Map<LocalDate, long[]> days = new TreeMap<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      days.put(day, new long[2]);
    }
    jdbc.query(
        "select cast(received_at at time zone :zone as date) as day, count(*) from sportello.ticket"
            + " where "
            + receivedIn
            + " group by 1",
        params,
        (ResultSet row) -> {
          days.get(row.getObject(1, LocalDate.class))[0] = row.getLong(2);
        });
    jdbc.query(
        "select cast(closed_at at time zone :zone as date) as day, count(*) from sportello.ticket"
            + " where "
            + closedIn
            + " group by 1",
        params,
        (ResultSet row) -> {
          days.get(row.getObject(1, LocalDate.class))[1] = row.getLong(2);
        });
    List<Day> dayList = new ArrayList<>();
    days.forEach((day, counts) -> dayList.add(new Day(day, counts[0], counts[1])));

    long[] hours = new long[24];
    jdbc.query(
        "select cast(extract(hour from received_at at time zone :zone) as int), count(*)"
            + " from sportello.ticket where "
            + receivedIn
            + " group by 1",
        params,
        (ResultSet row) -> {
          hours[row.getInt(1)] = row.getLong(2);
        });
    List<HourBand> hourBands = new ArrayList<>();
    for (int hour = 0; hour < 24; hour++) {
      hourBands.add(new HourBand(hour, hours[hour]));
    }

    Map<String, Long> byChannel =
        counts(
            "select channel, count(*) from sportello.ticket where "
                + receivedIn
                + " group by 1 order by 2 desc",
            params);
    Map<String, Long> outcomes =
        counts(
            "select coalesce(outcome, 'NONE'), count(*) from sportello.ticket where "
                + closedIn
                + " group by 1 order by 2 desc",
            params);
    Map<Integer, Long> solvedAtLevel = new TreeMap<>();
    jdbc.query(
        "select resolved_at_level, count(*) from sportello.ticket where "
            + closedIn
            + " and outcome = 'SOLVED' and resolved_at_level is not null group by 1",
        params,
        (ResultSet row) -> {
          solvedAtLevel.put(row.getInt(1), row.getLong(2));
        });

    Durations toTakeInCharge =
        durations("taken_in_charge_at", receivedIn + " and taken_in_charge_at is not null", params);
    Durations toResolve =
        durations("resolved_at", receivedIn + " and resolved_at is not null", params);

    return new ActivityReport(
        from,
        to,
        filter,
        asOf,
        dayList.stream().mapToLong(Day::received).sum(),
        dayList.stream().mapToLong(Day::closed).sum(),
        dayList,
        hourBands,
        byChannel,
        outcomes,
        solvedAtLevel,
        toTakeInCharge,
        toResolve,
        backlog(where, params),
        chats.figures(params));
  }

  private Durations durations(String column, String condition, MapSqlParameterSource params) {
    return jdbc.queryForObject(
        "select count(*), avg(hours), percentile_cont(0.5) within group (order by hours),"
            + " percentile_cont(0.9) within group (order by hours)"
            + " from (select extract(epoch from "
            + column
            + " - received_at) / 3600.0 as hours from sportello.ticket where "
            + condition
            + ") elapsed",
        params,
        (row, n) -> new Durations(row.getLong(1), hours(row, 2), hours(row, 3), hours(row, 4)));
  }

  private static Double hours(ResultSet row, int column) throws SQLException {
    double value = row.getDouble(column);
    return row.wasNull() ? null : Math.round(value * 100) / 100.0;
  }

  private Backlog backlog(String where, MapSqlParameterSource params) {
    Map<String, Long> ageing = new LinkedHashMap<>();
    for (String bucket : List.of("<1d", "1-3d", "3-7d", "7-30d", ">30d")) {
      ageing.put(bucket, 0L);
    }
    Map<String, Long> found =
        counts(
            "select "
                + AGEING
                + ", count(*) from sportello.ticket where status <> 'CLOSED' and "
                + where
                + " group by 1",
            params);
    ageing.putAll(found);
    return jdbc.queryForObject(
        """
        select count(*),
               count(*) filter (where status = 'WAITING_FOR_REQUESTER'),
               count(*) filter (where status = 'WAITING_FOR_OFFICE'),
               min(received_at)
        from sportello.ticket where status <> 'CLOSED' and """
            + where,
        params,
        (row, n) -> {
          Timestamp oldest = row.getTimestamp(4);
          return new Backlog(
              row.getLong(1),
              row.getLong(2),
              row.getLong(3),
              ageing,
              oldest == null ? null : oldest.toInstant());
        });
  }

  private Map<String, Long> counts(String sql, MapSqlParameterSource params) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.query(
        sql,
        params,
        (ResultSet row) -> {
          counts.put(row.getString(1), row.getLong(2));
        });
    return counts;
  }
}
