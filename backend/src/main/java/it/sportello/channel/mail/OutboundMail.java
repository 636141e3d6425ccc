package it.sportello.channel.mail;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
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
public class OutboundMail {

  private static final int MAX_REFERENCES = 10;

  /** Templates of mail an operator wrote: sent without the marks of automatic mail. */
  static final java.util.Set<String> PERSONAL_TEMPLATES = java.util.Set.of("OPERATOR_REPLY");

  private final OutboundMails outbox;
  private final Mailboxes mailboxes;
  private final Clock clock;

  OutboundMail(OutboundMails outbox, Mailboxes mailboxes, Clock clock) {
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
   */
  public record Letter(
      String ticketNumber,
      boolean pec,
      String recipient,
      String subject,
      String body,
      String template,
      Long notificationId) {}

  /** Whether some mailbox can send: without one, nothing is queued. */
  public boolean available() {
    return mailboxes.all().stream().anyMatch(Mailbox::sends);
  }

  /**
   * Queues the letter. @return the Message-ID it will carry, or empty when no mailbox can send it
   */
  @Transactional
  public Optional<String> queue(Letter letter) {
    Optional<Mailbox> mailbox = sender(letter);
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
    outbox.insert(
        mailbox.get().id(),
        number,
        letter.notificationId(),
        letter.template(),
        letter.recipient().strip(),
        subject,
        letter.body(),
        messageId,
        inReplyTo,
        references.isEmpty() ? null : String.join(" ", references),
        clock.instant());
    return Optional.of(messageId);
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
