package it.sportello.channel.mail;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues mail in the persistent outbox ({@code outbound_mail}), in the caller's transaction; the
 * {@link OutboundMailSender} sends it. Mail about a ticket leaves from the mailbox the ticket came
 * in on (a PEC ticket from its PEC mailbox), else from the default mailbox; its subject carries the
 * ticket number and its threading headers the conversation, so that the answer finds the ticket.
 */
@Service
public class MailOutbox {

  private static final int MAX_REFERENCES = 10;

  /** Templates of mail an operator wrote: sent without the marks of automatic mail. */
  static final java.util.Set<String> PERSONAL_TEMPLATES = java.util.Set.of("OPERATOR_REPLY");

  private final OutboundMailTable outbox;
  private final Mailboxes mailboxes;
  private final Clock clock;

  MailOutbox(OutboundMailTable outbox, Mailboxes mailboxes, Clock clock) {
    this.outbox = outbox;
    this.mailboxes = mailboxes;
    this.clock = clock;
  }

  /**
   * A message to queue.
   *
   * @param ticketNumber the ticket it is about, or null
   * @param pec whether it must leave from a PEC mailbox when the ticket did not come in on one
   * @param notificationId the notification it delivers, or null
   * @param htmlBody the same text as an HTML document, sent beside {@code body} as {@code
   *     multipart/alternative}; null: text only
   */
  public record Letter(
      String ticketNumber,
      boolean pec,
      String recipient,
      String subject,
      String body,
      String template,
      Long notificationId,
      String htmlBody) {

    /** A text-only message. */
    public Letter(
        String ticketNumber,
        boolean pec,
        String recipient,
        String subject,
        String body,
        String template,
        Long notificationId) {
      this(ticketNumber, pec, recipient, subject, body, template, notificationId, null);
    }
  }

  /** Whether some mailbox can send: without one, nothing is queued. */
  public boolean available() {
    return mailboxes.all().stream().anyMatch(Mailbox::sends);
  }

  /**
   * A file to attach after the text body.
   *
   * @param fileName the name the recipient sees, e.g. {@code sla-2026-11.xlsx}
   * @param mediaType its media type, e.g. {@code application/pdf}
   */
  public record Attachment(String fileName, String mediaType, byte[] content) {
    public Attachment {
      if (fileName == null || fileName.isBlank() || fileName.length() > 255) {
        throw new IllegalArgumentException(
            "an attachment needs a file name of 1 to 255 characters");
      }
      if (mediaType == null || !mediaType.contains("/")) {
        throw new IllegalArgumentException("an attachment needs a media type, e.g. text/plain");
      }
      if (content == null) {
        throw new IllegalArgumentException("an attachment needs its content");
      }
    }
  }

  /** A queued message: its row in the outbox and the Message-ID it will carry. */
  public record Queued(long id, String messageId) {}

  /**
   * Queues the letter. @return the Message-ID it will carry, or empty when no mailbox can send it
   */
  @Transactional
  public Optional<String> queue(Letter letter) {
    return queue(letter, null, List.of()).map(Queued::messageId);
  }

  /**
   * Queues the letter with files attached (sent as {@code multipart/mixed}, the text first).
   *
   * @param mailboxId the mailbox to send from; null: the letter's usual one (the ticket's, else the
   *     default)
   * @return the queued message, or empty when the mailbox is unknown or no mailbox can send it
   */
  @Transactional
  public Optional<Queued> queue(Letter letter, String mailboxId, List<Attachment> attachments) {
    Optional<Mailbox> mailbox =
        mailboxId == null ? sender(letter) : mailboxes.find(mailboxId).filter(Mailbox::sends);
    if (mailbox.isEmpty()) {
      return Optional.empty();
    }
    String number = letter.ticketNumber();
    String subject = letter.subject();
    if (number != null && !subject.contains(number)) {
      subject = "[" + number + "] " + subject;
    }
    String messageId =
        (number == null ? "mail" : number)
            + "."
            + UUID.randomUUID()
            + "@"
            + domain(mailbox.get().address());
    String inReplyTo = number == null ? null : outbox.lastInbound(number).orElse(null);
    List<String> references =
        number == null ? List.of() : outbox.conversation(number, MAX_REFERENCES);
    long id =
        outbox.insert(
            mailbox.get().id(),
            number,
            letter.notificationId(),
            letter.template(),
            letter.recipient().strip(),
            subject,
            letter.body(),
            letter.htmlBody(),
            messageId,
            inReplyTo,
            references.isEmpty() ? null : String.join(" ", references),
            clock.instant());
    for (int i = 0; i < attachments.size(); i++) {
      Attachment attachment = attachments.get(i);
      outbox.insertAttachment(
          id,
          new OutboundMailTable.AttachmentRow(
              i, attachment.fileName(), attachment.mediaType(), attachment.content()));
    }
    return Optional.of(new Queued(id, messageId));
  }

  /**
   * Queues a campaign's message in the outbox's low-priority lane: it leaves only when no service
   * mail (replies, notifications) is due, so that a large campaign never delays the service.
   *
   * @return the queued message, or empty when the mailbox is unknown or cannot send
   */
  @Transactional
  public Optional<Queued> queueBulk(
      String mailboxId, String recipient, String subject, String body, String template) {
    Optional<Mailbox> mailbox =
        (mailboxId == null ? mailboxes.defaultMailbox() : mailboxes.find(mailboxId))
            .filter(Mailbox::sends);
    if (mailbox.isEmpty()) {
      return Optional.empty();
    }
    String messageId = "campaign." + UUID.randomUUID() + "@" + domain(mailbox.get().address());
    long id =
        outbox.insertBulk(
            mailbox.get().id(),
            template,
            recipient.strip(),
            subject,
            body,
            messageId,
            clock.instant());
    return Optional.of(new Queued(id, messageId));
  }

  /**
   * How many more low-priority (campaign) messages the mailbox may take now to stay within {@code
   * perMinute}, counting those queued in the last minute by every campaign.
   */
  @Transactional(readOnly = true)
  public int bulkBudget(String mailboxId, int perMinute) {
    String id = mailboxId != null ? mailboxId : defaultMailboxId().orElse(null);
    if (id == null) {
      return 0;
    }
    int queued = outbox.bulkQueuedSince(id, clock.instant().minusSeconds(60));
    return Math.max(0, perMinute - queued);
  }

  /** The mailbox that sends when no other is named, if any. */
  public Optional<String> defaultMailboxId() {
    return mailboxes.defaultMailbox().map(Mailbox::id);
  }

  /** The delivery status of these queued messages (PENDING, SENT, FAILED), by outbox id. */
  @Transactional(readOnly = true)
  public Map<Long, String> statuses(Collection<Long> ids) {
    Map<Long, String> statuses = new HashMap<>();
    outbox.statuses(ids).forEach((id, status) -> statuses.put(id, status.name()));
    return statuses;
  }

  private Optional<Mailbox> sender(Letter letter) {
    Optional<Mailbox> ofTicket =
        Optional.ofNullable(letter.ticketNumber())
            .flatMap(outbox::mailboxOfTicket)
            .flatMap(mailboxes::find)
            .filter(Mailbox::sends);
    if (ofTicket.isPresent()) {
      return ofTicket;
    }
    if (letter.pec()) {
      return mailboxes.all().stream()
          .filter(m -> m.kind() == MailboxKind.PEC && m.sends())
          .findFirst();
    }
    return mailboxes.defaultMailbox();
  }

  private static String domain(String address) {
    int at = address.lastIndexOf('@');
    return at < 0 ? "sportello.invalid" : address.substring(at + 1).toLowerCase(Locale.ROOT);
  }
}
