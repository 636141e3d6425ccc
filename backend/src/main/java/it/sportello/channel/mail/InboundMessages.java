package it.sportello.channel.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The {@code inbound_message} table. */
@Repository
class InboundMessages {

  private static final String COLUMNS =
      "id, mailbox_id, message_key, message_id, status, reason, sender, subject, ticket_number,"
          + " interaction_id, received_at, processed_at, attempts, octet_length(raw)::bigint as raw_size";

  private final JdbcTemplate jdbc;

  InboundMessages(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A row, without the bytes. */
  record InboundMessage(
      long id,
      String mailboxId,
      String messageKey,
      String messageId,
      InboundStatus status,
      String reason,
      String sender,
      String subject,
      String ticketNumber,
      Long interactionId,
      Instant receivedAt,
      Instant processedAt,
      int attempts,
      Long rawSize) {}

  /** What to write about a message. */
  record Outcome(
      InboundStatus status,
      String messageId,
      String reason,
      String sender,
      String subject,
      String ticketNumber,
      Long interactionId,
      byte[] raw) {}

  Optional<InboundMessage> find(String mailboxId, String messageKey) {
    return jdbc
        .query(
            "select "
                + COLUMNS
                + " from sportello.inbound_message where mailbox_id = ? and message_key = ?",
            ROW,
            mailboxId,
            messageKey)
        .stream()
        .findFirst();
  }

  Optional<InboundMessage> get(long id) {
    return jdbc
        .query("select " + COLUMNS + " from sportello.inbound_message where id = ?", ROW, id)
        .stream()
        .findFirst();
  }

  Optional<byte[]> raw(long id) {
    return jdbc
        .query(
            "select raw from sportello.inbound_message where id = ? and raw is not null",
            (rs, n) -> rs.getBytes(1),
            id)
        .stream()
        .findFirst();
  }

  /** The ticket of the newest message we took in with one of these Message-IDs. */
  Optional<String> ticketOf(List<String> messageIds) {
    if (messageIds.isEmpty()) {
      return Optional.empty();
    }
    return jdbc
        .query(
            """
            select ticket_number from sportello.inbound_message
            where message_id = any (?) and ticket_number is not null order by id desc limit 1""",
            (rs, n) -> rs.getString(1),
            (Object) messageIds.toArray(String[]::new))
        .stream()
        .findFirst();
  }

  List<InboundMessage> quarantined(int limit) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from sportello.inbound_message where status = 'QUARANTINED'"
            + " order by received_at desc, id desc limit ?",
        ROW,
        limit);
  }

  long insert(String mailboxId, String messageKey, Outcome outcome, Instant now) {
    return jdbc.queryForObject(
        """
        insert into sportello.inbound_message (mailbox_id, message_key, message_id, status, reason,
            sender, subject, ticket_number, interaction_id, raw, received_at, processed_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""",
        Long.class,
        mailboxId,
        messageKey,
        cut(outcome.messageId(), 1000),
        outcome.status().name(),
        outcome.reason(),
        cut(outcome.sender(), 320),
        outcome.subject(),
        outcome.ticketNumber(),
        outcome.interactionId(),
        outcome.raw(),
        Timestamp.from(now),
        Timestamp.from(now));
  }

  /** A retried message: its new outcome; the bytes are kept. */
  void update(long id, Outcome outcome, Instant now) {
    jdbc.update(
        """
        update sportello.inbound_message set message_id = coalesce(?, message_id), status = ?,
            reason = ?, sender = coalesce(?, sender), subject = coalesce(?, subject),
            ticket_number = ?, interaction_id = ?, processed_at = ?, attempts = attempts + 1
        where id = ?""",
        cut(outcome.messageId(), 1000),
        outcome.status().name(),
        outcome.reason(),
        cut(outcome.sender(), 320),
        outcome.subject(),
        outcome.ticketNumber(),
        outcome.interactionId(),
        Timestamp.from(now),
        id);
  }

  private static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  private static final RowMapper<InboundMessage> ROW =
      (ResultSet rs, int n) ->
          new InboundMessage(
              rs.getLong("id"),
              rs.getString("mailbox_id"),
              rs.getString("message_key"),
              rs.getString("message_id"),
              InboundStatus.valueOf(rs.getString("status")),
              rs.getString("reason"),
              rs.getString("sender"),
              rs.getString("subject"),
              rs.getString("ticket_number"),
              (Long) rs.getObject("interaction_id"),
              instant(rs, "received_at"),
              instant(rs, "processed_at"),
              rs.getInt("attempts"),
              (Long) rs.getObject("raw_size"));

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
