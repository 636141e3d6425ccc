package it.sportello.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The chat's figures, one grouped query over the chats started in the period (the chat module's
 * table, read here like the tickets: reports read our tables). A chat counts on the day it started;
 * its wait runs from the hand-off to the first operator who took it (a transfer does not restart
 * it).
 */
@Component
class ChatActivity {

  private static final String FIGURES =
      """
      count(*),
      count(*) filter (where queued_at is not null),
      count(*) filter (where first_assigned_at is not null),
      count(*) filter (where queued_at is not null and first_assigned_at is null
                         and outcome = 'ABANDONED'),
      count(*) filter (where queued_at is null and outcome = 'BOT_SOLVED'),
      avg(extract(epoch from first_assigned_at - queued_at)),
      percentile_cont(0.9) within group (order by extract(epoch from first_assigned_at - queued_at)),
      coalesce(sum(t.transfers), 0)
      """;

  private static final String PERIOD =
      """
      from sportello.chat_conversation c
      left join (select conversation_id, count(*) as transfers from sportello.chat_transfer
                 group by conversation_id) t on t.conversation_id = c.id
      where created_at >= :from and created_at < :to
        and (cast(:queue as varchar) is null or queue = :queue)""";

  private final NamedParameterJdbcTemplate jdbc;

  ChatActivity(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** {@code params}: from, to (instants), zone, queue (null: any). */
  ChatFigures figures(MapSqlParameterSource params) {
    List<ChatFigures.Row> rows =
        jdbc.query(
            "select cast(created_at at time zone :zone as date), queue, "
                + FIGURES
                + PERIOD
                + " group by 1, 2 order by 1, 2 nulls first",
            params,
            (row, n) -> row(row, row.getObject(1, LocalDate.class), row.getString(2), 3));
    ChatFigures.Row total =
        jdbc.queryForObject(
            "select " + FIGURES + PERIOD, params, (row, n) -> row(row, null, null, 1));
    Map<String, Long> reasons = new LinkedHashMap<>();
    jdbc.query(
        "select handoff_reason, count(*) "
            + PERIOD
            + " and handoff_reason is not null group by 1 order by 2 desc, 1",
        params,
        (ResultSet row) -> {
          reasons.put(row.getString(1), row.getLong(2));
        });
    return new ChatFigures(rows, total, reasons);
  }

  private static ChatFigures.Row row(ResultSet row, LocalDate day, String queue, int first)
      throws SQLException {
    long offered = row.getLong(first + 1);
    long botOnly = row.getLong(first + 4);
    return new ChatFigures.Row(
        day,
        queue,
        row.getLong(first),
        offered,
        row.getLong(first + 2),
        row.getLong(first + 3),
        botOnly,
        botOnly + offered == 0 ? null : round(100.0 * botOnly / (botOnly + offered)),
        seconds(row, first + 5),
        seconds(row, first + 6),
        row.getLong(first + 7));
  }

  private static Double seconds(ResultSet row, int column) throws SQLException {
    double value = row.getDouble(column);
    return row.wasNull() ? null : round(value);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
