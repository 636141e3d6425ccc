package it.sportello.channel.mail;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The {@code outbound_mail} table. */
@Repository
class OutboundMailTable {

  private final JdbcTemplate jdbc;

  OutboundMailTable(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  enum Status {
    PENDING,
    SENT,
    FAILED
  }

  record Row(
      long id,
      String mailboxId,
      String ticketNumber,
      Long notificationId,
      String recipient,
      String subject,
      String body,
      String messageId,
      String inReplyTo,
      String referencesIds,
      Status status,
      int attempts,
      String template,
      String htmlBody) {

    /** Written by a person (an operator's reply), not by the system. */
    boolean writtenByAPerson() {
      return template != null && MailOutbox.PERSONAL_TEMPLATES.contains(template);
    }
  }

  /** A message to send ({@code htmlBody} null: text only); its id. */
  long insert(
      String mailboxId,
      String ticketNumber,
      Long notificationId,
      String template,
      String recipient,
      String subject,
      String body,
      String htmlBody,
      String messageId,
      String inReplyTo,
      String referencesIds,
      Instant now) {
    return jdbc.queryForObject(
        """
        insert into sportello.outbound_mail (mailbox_id, ticket_number, notification_id, template,
            recipient, subject, body, html_body, message_id, in_reply_to, references_ids, status,
            next_attempt_at, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?) returning id""",
        Long.class,
        mailboxId,
        ticketNumber,
        notificationId,
        template,
        recipient,
        subject,
        body,
        htmlBody,
        messageId,
        inReplyTo,
        referencesIds,
        Timestamp.from(now),
        Timestamp.from(now));
  }

  /** A campaign's message, in the low-priority lane (sent when no service mail is due); its id. */
  long insertBulk(
      String mailboxId,
      String template,
      String recipient,
      String subject,
      String body,
      String messageId,
      Instant now) {
    return jdbc.queryForObject(
        """
        insert into sportello.outbound_mail (mailbox_id, template, recipient, subject, body,
            message_id, status, next_attempt_at, created_at, priority)
        values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, 1) returning id""",
        Long.class,
        mailboxId,
        template,
        recipient,
        subject,
        body,
        messageId,
        Timestamp.from(now),
        Timestamp.from(now));
  }

  /** How many low-priority messages of the mailbox were queued since then. */
  int bulkQueuedSince(String mailboxId, Instant since) {
    Integer count =
        jdbc.queryForObject(
            """
            select count(*) from sportello.outbound_mail
            where mailbox_id = ? and priority > 0 and created_at > ?""",
            Integer.class,
            mailboxId,
            Timestamp.from(since));
    return count == null ? 0 : count;
  }

  /** A DSN reported the message undelivered. */
  void markBounced(String messageId, Instant at, String reason) {
    jdbc.update(
        "update sportello.outbound_mail set bounced_at = ?, bounce_reason = ? where message_id = ?",
        Timestamp.from(at),
        reason,
        messageId);
  }

  /** A file attached to an outbound mail, after its text body, in {@code position} order. */
  record AttachmentRow(int position, String fileName, String mediaType, byte[] content) {}

  void insertAttachment(long mailId, AttachmentRow attachment) {
    jdbc.update(
        """
        insert into sportello.outbound_mail_attachment (outbound_mail_id, position, file_name,
            media_type, content)
        values (?, ?, ?, ?, ?)""",
        mailId,
        attachment.position(),
        attachment.fileName(),
        attachment.mediaType(),
        attachment.content());
  }

  List<AttachmentRow> attachments(long mailId) {
    return jdbc.query(
        """
        select position, file_name, media_type, content from sportello.outbound_mail_attachment
        where outbound_mail_id = ? order by position""",
        (rs, n) ->
            new AttachmentRow(
                rs.getInt("position"),
                rs.getString("file_name"),
                rs.getString("media_type"),
                rs.getBytes("content")),
        mailId);
  }

  /** The status of each of these mails (those that exist). */
  java.util.Map<Long, Status> statuses(Collection<Long> ids) {
    java.util.Map<Long, Status> statuses = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return statuses;
    }
    jdbc.query(
        "select id, status from sportello.outbound_mail where id = any (?)",
        rs -> {
          statuses.put(rs.getLong("id"), Status.valueOf(rs.getString("status")));
        },
        (Object) ids.toArray(Long[]::new));
    return statuses;
  }

  /** The next message due, locked until the caller's transaction ends; others skip it. */
  Optional<Row> lockNextDue(Collection<String> mailboxIds, Instant now) {
    return jdbc
        .query(
            """
            select * from sportello.outbound_mail
            where status = 'PENDING' and next_attempt_at <= ? and mailbox_id = any (?)
            order by priority, next_attempt_at, id limit 1 for update skip locked""",
            ROW,
            Timestamp.from(now),
            mailboxIds.toArray(String[]::new))
        .stream()
        .findFirst();
  }

  void markSent(long id, Instant now) {
    jdbc.update(
        "update sportello.outbound_mail set status = 'SENT', attempts = attempts + 1, sent_at = ?,"
            + " last_error = null where id = ?",
        Timestamp.from(now),
        id);
  }

  void markFailedAttempt(long id, Status status, Instant nextAttemptAt, String error) {
    jdbc.update(
        "update sportello.outbound_mail set status = ?, attempts = attempts + 1,"
            + " next_attempt_at = ?, last_error = ? where id = ?",
        status.name(),
        Timestamp.from(nextAttemptAt),
        error,
        id);
  }

  boolean hasNotification(long notificationId) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select exists (select 1 from sportello.outbound_mail where notification_id = ?)",
            Boolean.class,
            notificationId));
  }

  /** The ticket of the newest mail we sent with one of these Message-IDs. */
  Optional<String> ticketOf(List<String> messageIds) {
    return TicketByMessageId.find(jdbc, "outbound_mail", messageIds);
  }

  Optional<Long> idOf(String messageId) {
    return jdbc
        .query(
            "select id from sportello.outbound_mail where message_id = ?",
            (rs, n) -> rs.getLong(1),
            messageId)
        .stream()
        .findFirst();
  }

  void recordReceipt(
      long inboundMessageId,
      Long outboundMailId,
      String originalMessageId,
      String kind,
      String error,
      String deliveredTo,
      Instant issuedAt,
      Instant now) {
    jdbc.update(
        """
        insert into sportello.pec_receipt (inbound_message_id, outbound_mail_id, original_message_id,
            kind, error, delivered_to, issued_at, received_at)
        values (?, ?, ?, ?, ?, ?, ?, ?)""",
        inboundMessageId,
        outboundMailId,
        originalMessageId,
        kind,
        error,
        deliveredTo,
        issuedAt == null ? null : Timestamp.from(issuedAt),
        Timestamp.from(now));
  }

  void setPecState(long id, String state) {
    jdbc.update("update sportello.outbound_mail set pec_state = ? where id = ?", state, id);
  }

  /** The Message-IDs of the ticket's conversation, oldest first: what we received and sent. */
  List<String> conversation(String ticketNumber, int limit) {
    List<String> ids = new ArrayList<>();
    ids.addAll(
        jdbc.query(
            """
            select message_id from (
              select message_id, processed_at as at, id from sportello.inbound_message
              where ticket_number = ? and message_id is not null
              union all
              select message_id, created_at as at, id from sportello.outbound_mail
              where ticket_number = ?) conversation
            order by at desc, id desc limit ?""",
            (rs, n) -> rs.getString(1),
            ticketNumber,
            ticketNumber,
            limit));
    java.util.Collections.reverse(ids);
    return ids;
  }

  /** The last message the requester sent about the ticket, which our mail answers. */
  Optional<String> lastInbound(String ticketNumber) {
    return jdbc
        .query(
            """
            select message_id from sportello.inbound_message
            where ticket_number = ? and message_id is not null order by id desc limit 1""",
            (rs, n) -> rs.getString(1),
            ticketNumber)
        .stream()
        .findFirst();
  }

  /** The mailbox the ticket came in on, if it came by mail. */
  Optional<String> mailboxOfTicket(String ticketNumber) {
    return jdbc
        .query(
            """
            select mailbox_id from sportello.inbound_message
            where ticket_number = ? order by id limit 1""",
            (rs, n) -> rs.getString(1),
            ticketNumber)
        .stream()
        .findFirst();
  }

  private static final RowMapper<Row> ROW =
      (ResultSet rs, int n) ->
          new Row(
              rs.getLong("id"),
              rs.getString("mailbox_id"),
              rs.getString("ticket_number"),
              (Long) rs.getObject("notification_id"),
              rs.getString("recipient"),
              rs.getString("subject"),
              rs.getString("body"),
              rs.getString("message_id"),
              rs.getString("in_reply_to"),
              rs.getString("references_ids"),
              Status.valueOf(rs.getString("status")),
              rs.getInt("attempts"),
              rs.getString("template"),
              rs.getString("html_body"));
}
