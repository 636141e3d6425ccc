package it.sportello.reporting.delivery;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code report_delivery} table and the outbound mail of each delivery. */
@Repository
class ReportDeliveryTable {

  static final String QUEUED = "QUEUED";
  static final String FAILED = "FAILED";

  private final JdbcTemplate jdbc;

  ReportDeliveryTable(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  record Row(
      long id,
      String scheduleId,
      String period,
      boolean manual,
      String status,
      String recipients,
      String requestedBy,
      int attempts,
      String error,
      Instant createdAt,
      Instant updatedAt,
      List<Long> mailIds) {}

  /**
   * Takes the scheduled delivery of the period for the caller's transaction: a new row, or the
   * FAILED one for another attempt. Empty when it is already queued (or being queued by another
   * node, which this call waits for).
   */
  Optional<Long> claimScheduled(String scheduleId, String period, String recipients, Instant now) {
    Optional<Long> inserted =
        jdbc
            .query(
                """
                insert into sportello.report_delivery (schedule_id, period, manual, status,
                    recipients, attempts, created_at, updated_at)
                values (?, ?, false, 'QUEUED', ?, 1, ?, ?)
                on conflict (schedule_id, period) where not manual do nothing returning id""",
                (rs, n) -> rs.getLong(1),
                scheduleId,
                period,
                recipients,
                Timestamp.from(now),
                Timestamp.from(now))
            .stream()
            .findFirst();
    if (inserted.isPresent()) {
      return inserted;
    }
    return jdbc
        .query(
            """
            update sportello.report_delivery
            set status = 'QUEUED', error = null, recipients = ?, attempts = attempts + 1,
                updated_at = ?
            where schedule_id = ? and period = ? and not manual and status = 'FAILED'
            returning id""",
            (rs, n) -> rs.getLong(1),
            recipients,
            Timestamp.from(now),
            scheduleId,
            period)
        .stream()
        .findFirst();
  }

  /** A failed scheduled attempt, unless another node queued the period meanwhile. */
  boolean recordScheduledFailure(
      String scheduleId, String period, String recipients, String error, Instant now) {
    return jdbc.update(
            """
        insert into sportello.report_delivery (schedule_id, period, manual, status, recipients,
            attempts, error, created_at, updated_at)
        values (?, ?, false, 'FAILED', ?, 1, ?, ?, ?)
        on conflict (schedule_id, period) where not manual do update
        set attempts = report_delivery.attempts + 1, error = excluded.error,
            recipients = excluded.recipients, updated_at = excluded.updated_at
        where report_delivery.status = 'FAILED'""",
            scheduleId,
            period,
            recipients,
            error,
            Timestamp.from(now),
            Timestamp.from(now))
        > 0;
  }

  Optional<Long> findScheduled(String scheduleId, String period) {
    return jdbc
        .query(
            "select id from sportello.report_delivery where schedule_id = ? and period = ?"
                + " and not manual",
            (rs, n) -> rs.getLong(1),
            scheduleId,
            period)
        .stream()
        .findFirst();
  }

  long insertManual(
      String scheduleId,
      String period,
      String status,
      String recipients,
      String requestedBy,
      String error,
      Instant now) {
    return jdbc.queryForObject(
        """
        insert into sportello.report_delivery (schedule_id, period, manual, status, recipients,
            requested_by, attempts, error, created_at, updated_at)
        values (?, ?, true, ?, ?, ?, 1, ?, ?, ?) returning id""",
        Long.class,
        scheduleId,
        period,
        status,
        recipients,
        requestedBy,
        error,
        Timestamp.from(now),
        Timestamp.from(now));
  }

  void linkMail(long deliveryId, long mailId) {
    jdbc.update(
        "insert into sportello.report_delivery_mail (delivery_id, outbound_mail_id) values (?, ?)",
        deliveryId,
        mailId);
  }

  /** The periods of the schedule whose scheduled delivery failed, oldest first. */
  List<String> failedScheduledPeriods(String scheduleId) {
    return jdbc.queryForList(
        """
        select period from sportello.report_delivery
        where schedule_id = ? and not manual and status = 'FAILED' order by period""",
        String.class,
        scheduleId);
  }

  Optional<Row> find(long id) {
    return jdbc.query(SELECT + " where d.id = ? group by d.id", ROW, id).stream().findFirst();
  }

  /** The latest deliveries, newest first. */
  List<Row> latest(int limit) {
    return jdbc.query(
        SELECT + " group by d.id order by d.created_at desc, d.id desc limit ?", ROW, limit);
  }

  private static final String SELECT =
      """
      select d.*, array_remove(array_agg(m.outbound_mail_id order by m.outbound_mail_id), null)
          as mail_ids
      from sportello.report_delivery d
      left join sportello.report_delivery_mail m on m.delivery_id = d.id""";

  private static final org.springframework.jdbc.core.RowMapper<Row> ROW =
      (ResultSet rs, int n) ->
          new Row(
              rs.getLong("id"),
              rs.getString("schedule_id"),
              rs.getString("period"),
              rs.getBoolean("manual"),
              rs.getString("status"),
              rs.getString("recipients"),
              rs.getString("requested_by"),
              rs.getInt("attempts"),
              rs.getString("error"),
              rs.getTimestamp("created_at").toInstant(),
              rs.getTimestamp("updated_at").toInstant(),
              ids(rs.getArray("mail_ids")));

  private static List<Long> ids(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return Arrays.stream((Long[]) array.getArray()).toList();
  }
}
