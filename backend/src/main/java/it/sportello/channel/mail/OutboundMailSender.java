package it.sportello.channel.mail;

import it.sportello.channel.mail.OutboundMailTable.Row;
import it.sportello.channel.mail.OutboundMailTable.Status;
import it.sportello.contact.Interaction;
import it.sportello.contact.InteractionLog;
import it.sportello.notification.Notifications;
import it.sportello.ticket.application.TicketQueries;
import it.sportello.ticket.domain.Ticket;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox: one message at a time, locked in its row ({@code for update skip locked}) so
 * that several nodes never send the same one. A failed attempt is retried after a wait that doubles
 * each time ({@code sportello.mail.outbound.first-retry-after} up to {@code max-retry-after});
 * after {@code max-attempts} the message is FAILED, with the last error, for someone to look at. A
 * crash between the server's acceptance and our commit sends the message again, with the same
 * Message-ID.
 */
@Component
public class OutboundMailSender {

  private static final Logger log = LoggerFactory.getLogger(OutboundMailSender.class);
  private static final int BATCH = 50;
  private static final Session SESSION = Session.getInstance(new Properties());

  private final OutboundMailTable outbox;
  private final Mailboxes mailboxes;
  private final MailPort port;
  private final MailProperties.Outbound properties;
  private final Notifications notifications;
  private final TicketQueries tickets;
  private final InteractionLog interactions;
  private final TransactionTemplate transactions;
  private final Clock clock;

  @Autowired
  OutboundMailSender(
      OutboundMailTable outbox,
      Mailboxes mailboxes,
      MailPort port,
      MailProperties properties,
      Notifications notifications,
      TicketQueries tickets,
      InteractionLog interactions,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this(
        outbox,
        mailboxes,
        port,
        properties.outbound(),
        notifications,
        tickets,
        interactions,
        transactionManager,
        clock);
  }

  OutboundMailSender(
      OutboundMailTable outbox,
      Mailboxes mailboxes,
      MailPort port,
      MailProperties.Outbound properties,
      Notifications notifications,
      TicketQueries tickets,
      InteractionLog interactions,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.outbox = outbox;
    this.mailboxes = mailboxes;
    this.port = port;
    this.properties = properties;
    this.notifications = notifications;
    this.tickets = tickets;
    this.interactions = interactions;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** Sends what is due. @return how many messages were tried */
  public int sendDue() {
    List<String> sending =
        mailboxes.all().stream().filter(Mailbox::sends).map(Mailbox::id).toList();
    if (sending.isEmpty()) {
      return 0;
    }
    int tried = 0;
    while (tried < BATCH) {
      Boolean found = transactions.execute(status -> sendNext(sending));
      if (!Boolean.TRUE.equals(found)) {
        break;
      }
      tried++;
    }
    return tried;
  }

  private boolean sendNext(List<String> sending) {
    Instant now = clock.instant();
    Optional<Row> next = outbox.lockNextDue(sending, now);
    if (next.isEmpty()) {
      return false;
    }
    Row row = next.get();
    Mailbox mailbox = mailboxes.find(row.mailboxId()).orElseThrow();
    try {
      port.send(mailbox, compose(mailbox, row, now));
      outbox.markSent(row.id(), now);
      if (row.notificationId() != null) {
        notifications.markSent(row.notificationId(), now);
      }
      recordInteraction(row, mailbox, now);
      // the recipient is personal data: the mail's ids only, the address masked at DEBUG
      log.info(
          "Mail {} (outbox {}{}) sent from {}",
          row.messageId(),
          row.id(),
          row.ticketNumber() == null ? "" : ", ticket " + row.ticketNumber(),
          mailbox.id());
      log.debug("Mail {} sent to {}", row.messageId(), MaskedAddresses.mask(row.recipient()));
    } catch (MessagingException | RuntimeException e) {
      int attempts = row.attempts() + 1;
      String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (attempts >= properties.maxAttempts()) {
        outbox.markFailedAttempt(row.id(), Status.FAILED, now, error);
        if (row.notificationId() != null) {
          notifications.markFailed(row.notificationId(), error);
        }
        log.warn(
            "Mail {} (outbox {}) FAILED after {} attempts: {}",
            row.messageId(),
            row.id(),
            attempts,
            MaskedAddresses.maskAll(error));
      } else {
        Instant retryAt = now.plus(backoff(attempts));
        outbox.markFailedAttempt(row.id(), Status.PENDING, retryAt, error);
        log.info(
            "Mail {} (outbox {}) not sent (attempt {}), retry at {}: {}",
            row.messageId(),
            row.id(),
            attempts,
            retryAt,
            MaskedAddresses.maskAll(error));
      }
    }
    return true;
  }

  /** The wait after the n-th failed attempt: the first wait, doubled each time, capped. */
  Duration backoff(int failedAttempts) {
    Duration wait = properties.firstRetryAfter();
    for (int i = 1; i < failedAttempts && wait.compareTo(properties.maxRetryAfter()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(properties.maxRetryAfter()) > 0 ? properties.maxRetryAfter() : wait;
  }

  private MimeMessage compose(Mailbox mailbox, Row row, Instant now) throws MessagingException {
    String messageId = "<" + row.messageId() + ">";
    MimeMessage message =
        new MimeMessage(SESSION) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    message.setFrom(new InternetAddress(mailbox.address()));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(row.recipient()));
    message.setSubject(row.subject(), "UTF-8");
    List<OutboundMailTable.AttachmentRow> attachments = outbox.attachments(row.id());
    if (attachments.isEmpty() && row.htmlBody() == null) {
      message.setText(row.body(), "UTF-8");
    } else if (attachments.isEmpty()) {
      message.setContent(alternative(row));
    } else {
      // multipart/mixed: the text (or text and HTML) first, then the files in their order
      MimeMultipart mixed = new MimeMultipart("mixed");
      MimeBodyPart text = new MimeBodyPart();
      if (row.htmlBody() == null) {
        text.setText(row.body(), "UTF-8");
      } else {
        text.setContent(alternative(row));
      }
      mixed.addBodyPart(text);
      for (OutboundMailTable.AttachmentRow attachment : attachments) {
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(
            new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.mediaType())));
        file.setFileName(attachment.fileName());
        // base64 for every file, text too: the recipient gets the very bytes (no line endings
        // rewritten as quoted-printable text would have them)
        file.setHeader("Content-Transfer-Encoding", "base64");
        file.setDisposition(Part.ATTACHMENT);
        mixed.addBodyPart(file);
      }
      message.setContent(mixed);
    }
    message.setSentDate(Date.from(now));
    if (row.inReplyTo() != null) {
      message.setHeader("In-Reply-To", "<" + row.inReplyTo() + ">");
    }
    if (row.referencesIds() != null) {
      StringBuilder references = new StringBuilder();
      for (String id : row.referencesIds().split(" ")) {
        references.append(references.isEmpty() ? "" : " ").append('<').append(id).append('>');
      }
      message.setHeader("References", references.toString());
    }
    if (!row.writtenByAPerson()) {
      // our automatic mail is not to be answered by machines (RFC 3834); an operator's reply is
      // ordinary mail, to which an out-of-office answer is as welcome as to any other
      message.setHeader("Auto-Submitted", "auto-generated");
      message.setHeader("X-Auto-Response-Suppress", "All");
    }
    message.saveChanges();
    return message;
  }

  /** multipart/alternative: the plain text first, the HTML last (the preferred one, RFC 2046). */
  private static MimeMultipart alternative(Row row) throws MessagingException {
    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(row.body(), "UTF-8");
    alternative.addBodyPart(text);
    MimeBodyPart html = new MimeBodyPart();
    html.setText(row.htmlBody(), "UTF-8", "html");
    alternative.addBodyPart(html);
    return alternative;
  }

  private void recordInteraction(Row row, Mailbox mailbox, Instant now) {
    if (row.ticketNumber() == null) {
      return;
    }
    Ticket ticket = tickets.byNumbers(List.of(row.ticketNumber())).get(row.ticketNumber());
    if (ticket != null) {
      interactions.record(
          ticket.getRequesterId(),
          ticket.getId(),
          ticket.getNumber(),
          mailbox.kind() == MailboxKind.PEC ? "PEC" : "EMAIL",
          Interaction.Direction.OUTBOUND,
          Interaction.Kind.NOTIFICATION,
          row.subject(),
          now,
          "mail:" + mailbox.id());
    }
  }
}
