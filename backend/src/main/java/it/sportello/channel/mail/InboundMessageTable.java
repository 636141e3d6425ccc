package it.sportello.channel.mail;

import static it.sportello.shared.DbRows.instant;

import it.sportello.shared.DbText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.support.SqlBinaryValue;
import org.springframework.stereotype.Repository;

/** The {@code inbound_message} table. */
@Repository
class InboundMessageTable {

  private static final String COLUMNS =
      "id, mailbox_id, message_key, message_id, status, reason, sender, subject, ticket_number,"
          + " interaction_id, received_at, processed_at, attempts, octet_length(raw)::bigint as raw_size,"
          + " content_hash, header_hash, size, duplicate_of";

  /** Column lengths (in characters, as PostgreSQL counts them) of {@code inbound_message}. */
  static final int MESSAGE_ID_LENGTH = 1000;

  static final int SENDER_LENGTH = 320;
  static final int MESSAGE_KEY_LENGTH = 400;

  /** Free text columns are bounded too: a reason or a subject is read by people, not archived. */
  static final int TEXT_LENGTH = 10_000;

  private final JdbcTemplate jdbc;

  InboundMessageTable(JdbcTemplate jdbc) {
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
      Long rawSize,
      String contentHash,
      String headerHash,
      Long size,
      Long duplicateOf) {}

  /** A message being taken in: its row, and how many times it has been tried, this one included. */
  record Claim(long id, int attempts) {}

  /** A message the server holds, as the reconciliation looks for it. */
  record Identity(String messageKey, String headerHash) {}

  /** What to write about a message. */
  record Outcome(
      InboundStatus status,
      String messageId,
      String reason,
      String sender,
      String subject,
      String ticketNumber,
      Long interactionId,
      RawMessage raw) {}

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
    return TicketByMessageId.find(jdbc, "inbound_message", messageIds);
  }

  List<InboundMessage> quarantined(int limit) {
    return withStatus(List.of(InboundStatus.QUARANTINED), limit);
  }

  /** The rows in these statuses, newest first. */
  List<InboundMessage> withStatus(List<InboundStatus> statuses, int limit) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from sportello.inbound_message where status = any (?)"
            + " order by received_at desc, id desc limit ?",
        ROW,
        (Object) statuses.stream().map(Enum::name).toArray(String[]::new),
        limit);
  }

  /**
   * Records that the message is being taken in, or counts one more attempt when an earlier one was
   * interrupted (the row is still {@code RECEIVING}), in a transaction of its own.
   *
   * @return the row and its attempts; empty when the row exists in a final status (taken in
   *     meanwhile) or has been tried {@code maxAttempts} times already
   */
  Optional<Claim> claim(
      String mailboxId,
      String messageKey,
      MessageFingerprint fingerprint,
      long size,
      int maxAttempts,
      Instant now) {
    return jdbc
        .query(
            """
            insert into sportello.inbound_message (mailbox_id, message_key, status, content_hash,
                header_hash, size, received_at, processed_at, attempts)
            values (?, ?, 'RECEIVING', ?, ?, ?, ?, ?, 1)
            on conflict (mailbox_id, message_key) do update
                set attempts = inbound_message.attempts + 1, processed_at = excluded.processed_at
                where inbound_message.status = 'RECEIVING' and inbound_message.attempts < ?
            returning id, attempts""",
            (rs, n) -> new Claim(rs.getLong(1), rs.getInt(2)),
            mailboxId,
            messageKey,
            fingerprint.contentHash(),
            fingerprint.headerHash(),
            size,
            Timestamp.from(now),
            Timestamp.from(now),
            maxAttempts)
        .stream()
        .findFirst();
  }

  /** The outcome of a claimed message ({@link #claim}): its attempts were counted there. */
  void complete(long id, Outcome outcome, Instant now) {
    withRaw(
        outcome,
        raw -> {
          complete(id, outcome, raw, now);
          return id;
        });
  }

  private void complete(long id, Outcome outcome, SqlBinaryValue raw, Instant now) {
    jdbc.update(
        """
        update sportello.inbound_message set message_id = ?, status = ?, reason = ?, sender = ?,
            subject = ?, ticket_number = ?, interaction_id = ?, raw = ?, processed_at = ?
        where id = ?""",
        values(List.of(), outcome, Arrays.asList(raw, Timestamp.from(now), id)));
  }

  /**
   * The values of a statement: {@code before}, then the outcome's columns (message_id, status,
   * reason, sender, subject, ticket_number, interaction_id), then {@code after}.
   */
  private static Object[] values(List<Object> before, Outcome outcome, List<Object> after) {
    List<Object> values = new ArrayList<>(before);
    values.addAll(
        Arrays.asList(
            DbText.bounded(outcome.messageId(), MESSAGE_ID_LENGTH),
            outcome.status().name(),
            DbText.bounded(outcome.reason(), TEXT_LENGTH),
            DbText.bounded(outcome.sender(), SENDER_LENGTH),
            DbText.bounded(outcome.subject(), TEXT_LENGTH),
            outcome.ticketNumber(),
            outcome.interactionId()));
    values.addAll(after);
    return values.toArray();
  }

  /**
   * A delivery of a message seen before ({@code DUPLICATE}), pointing at the first; nothing when
   * the same bytes were recorded so already (fetched again).
   *
   * @return the row, new or found
   */
  long insertDuplicate(
      String mailboxId,
      String messageKey,
      long duplicateOf,
      String messageId,
      String reason,
      MessageFingerprint fingerprint,
      long size,
      Instant now) {
    return jdbc
        .query(
            """
            insert into sportello.inbound_message (mailbox_id, message_key, message_id, status,
                reason, duplicate_of, content_hash, header_hash, size, received_at, processed_at)
            values (?, ?, ?, 'DUPLICATE', ?, ?, ?, ?, ?, ?, ?)
            on conflict (mailbox_id, message_key) do nothing returning id""",
            (rs, n) -> rs.getLong(1),
            mailboxId,
            messageKey,
            DbText.bounded(messageId, MESSAGE_ID_LENGTH),
            DbText.bounded(reason, TEXT_LENGTH),
            duplicateOf,
            fingerprint.contentHash(),
            fingerprint.headerHash(),
            size,
            Timestamp.from(now),
            Timestamp.from(now))
        .stream()
        .findFirst()
        .orElseGet(() -> find(mailboxId, messageKey).orElseThrow().id());
  }

  /**
   * The last resort: the message is quarantined with its ids and the reason only, no bytes and no
   * text read from it, so that it is accounted for and not fetched again.
   */
  long minimal(
      String mailboxId,
      String messageKey,
      String reason,
      MessageFingerprint fingerprint,
      long size,
      Instant now) {
    return jdbc.queryForObject(
        """
        insert into sportello.inbound_message (mailbox_id, message_key, status, reason,
            content_hash, header_hash, size, received_at, processed_at)
        values (?, ?, 'QUARANTINED', ?, ?, ?, ?, ?, ?)
        on conflict (mailbox_id, message_key) do update
            set status = 'QUARANTINED', reason = excluded.reason,
                processed_at = excluded.processed_at
        returning id""",
        Long.class,
        mailboxId,
        messageKey,
        DbText.bounded(reason, TEXT_LENGTH),
        fingerprint == null ? null : fingerprint.contentHash(),
        fingerprint == null ? null : fingerprint.headerHash(),
        size,
        Timestamp.from(now),
        Timestamp.from(now));
  }

  /** Of these server messages, the identities we hold a row for (by key or header hash). */
  List<Identity> known(String mailboxId, List<String> messageKeys, List<String> headerHashes) {
    return jdbc.query(
        """
        select message_key, header_hash from sportello.inbound_message
        where mailbox_id = ? and (message_key = any (?) or header_hash = any (?))""",
        (rs, n) -> new Identity(rs.getString(1), rs.getString(2)),
        mailboxId,
        (Object) messageKeys.toArray(String[]::new),
        (Object) headerHashes.toArray(String[]::new));
  }

  long insert(String mailboxId, String messageKey, Outcome outcome, Instant now) {
    return withRaw(outcome, raw -> insert(mailboxId, messageKey, outcome, raw, now));
  }

  private long insert(
      String mailboxId, String messageKey, Outcome outcome, SqlBinaryValue raw, Instant now) {
    return jdbc.queryForObject(
        """
        insert into sportello.inbound_message (mailbox_id, message_key, message_id, status, reason,
            sender, subject, ticket_number, interaction_id, raw, received_at, processed_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""",
        Long.class,
        values(
            Arrays.asList(mailboxId, messageKey),
            outcome,
            Arrays.asList(raw, Timestamp.from(now), Timestamp.from(now))));
  }

  /**
   * Writes with the outcome's bytes as a parameter streamed to the database ({@code
   * setBinaryStream} with the size), so that a message spooled to a file is never read into memory
   * whole; null when there are none.
   */
  private static <T> T withRaw(Outcome outcome, Function<SqlBinaryValue, T> write) {
    if (outcome.raw() == null) {
      return write.apply(null);
    }
    try (InputStream in = outcome.raw().stream()) {
      return write.apply(new SqlBinaryValue(in, outcome.raw().size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A retried message: its new outcome; the bytes are kept. */
  void update(long id, Outcome outcome, Instant now) {
    jdbc.update(
        """
        update sportello.inbound_message set message_id = coalesce(?, message_id), status = ?,
            reason = ?, sender = coalesce(?, sender), subject = coalesce(?, subject),
            ticket_number = ?, interaction_id = ?, processed_at = ?, attempts = attempts + 1
        where id = ?""",
        values(List.of(), outcome, Arrays.asList(Timestamp.from(now), id)));
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
              (Long) rs.getObject("raw_size"),
              rs.getString("content_hash"),
              rs.getString("header_hash"),
              (Long) rs.getObject("size"),
              (Long) rs.getObject("duplicate_of"));
}
