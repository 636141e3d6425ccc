package it.sportello.channel.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail we sent about a ticket, as its workspace shows it: whether it left, and for PEC what the
 * providers certified (accepted, delivered, not delivered).
 */
@Service
public class TicketMail {

  private final JdbcTemplate jdbc;
  private final Mailboxes mailboxes;

  TicketMail(JdbcTemplate jdbc, Mailboxes mailboxes) {
    this.jdbc = jdbc;
    this.mailboxes = mailboxes;
  }

  /** Where a mail stands: in the outbox, sent, or given up after the last attempt. */
  public enum Delivery {
    PENDING,
    SENT,
    FAILED
  }

  /**
   * A mail of ours about the ticket.
   *
   * @param template what it is (TICKET_RECEIVED, OPERATOR_REPLY, …)
   * @param pec sent from a PEC mailbox: receipts are expected
   * @param pecState the code of the last receipt ({@code accettazione}, {@code avvenuta-consegna},
   *     {@code errore-consegna}, …), null before the first
   * @param nextAttemptAt when a pending mail is tried again
   */
  public record SentMail(
      long id,
      String mailbox,
      boolean pec,
      String recipient,
      String subject,
      String template,
      Delivery delivery,
      int attempts,
      String lastError,
      Instant createdAt,
      Instant sentAt,
      Instant nextAttemptAt,
      String pecState,
      List<Receipt> receipts) {}

  /** A PEC receipt about one of our mails, in the order it arrived. */
  public record Receipt(
      String kind, String deliveredTo, String error, Instant issuedAt, Instant receivedAt) {}

  /** The ticket's outbound mail, oldest first, each with its PEC receipts. */
  @Transactional(readOnly = true)
  public List<SentMail> about(String ticketNumber) {
    Map<Long, List<Receipt>> receipts =
        jdbc
            .query(
                """
                select r.outbound_mail_id, r.kind, r.delivered_to, r.error, r.issued_at,
                    r.received_at
                from sportello.pec_receipt r
                join sportello.outbound_mail m on m.id = r.outbound_mail_id
                where m.ticket_number = ? order by r.received_at, r.id""",
                (rs, n) ->
                    Map.entry(
                        rs.getLong(1),
                        new Receipt(
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            instant(rs.getTimestamp(5)),
                            instant(rs.getTimestamp(6)))),
                ticketNumber)
            .stream()
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getKey,
                    Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    return jdbc.query(
        """
        select id, mailbox_id, recipient, subject, template, status, attempts, last_error,
            created_at, sent_at, next_attempt_at, pec_state
        from sportello.outbound_mail where ticket_number = ? order by created_at, id""",
        (rs, n) -> {
          long id = rs.getLong("id");
          String mailbox = rs.getString("mailbox_id");
          Delivery delivery = Delivery.valueOf(rs.getString("status"));
          String pecState = rs.getString("pec_state");
          return new SentMail(
              id,
              mailbox,
              mailboxes
                  .find(mailbox)
                  .map(box -> box.kind() == MailboxKind.PEC)
                  .orElse(pecState != null),
              rs.getString("recipient"),
              rs.getString("subject"),
              rs.getString("template"),
              delivery,
              rs.getInt("attempts"),
              rs.getString("last_error"),
              instant(rs.getTimestamp("created_at")),
              instant(rs.getTimestamp("sent_at")),
              delivery == Delivery.PENDING ? instant(rs.getTimestamp("next_attempt_at")) : null,
              pecState,
              receipts.getOrDefault(id, List.of()));
        },
        ticketNumber);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
