package it.sportello.monitoring;

import it.sportello.channel.mail.MailOutbox;
import it.sportello.channel.mail.MailPort;
import it.sportello.channel.mail.Mailbox;
import it.sportello.channel.mail.Mailboxes;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Alerts by e-mail through the mail outbox (retried like every outgoing mail), Italian then
 * English.
 */
@Component
class MailAlertChannel implements AlertChannel {

  static final String TEMPLATE = "DEPENDENCY_ALERT";

  private final MailOutbox outbound;
  private final MailPort port;
  private final Mailboxes mailboxes;
  private final DateTimeFormatter time;

  MailAlertChannel(
      MailOutbox outbound,
      MailPort port,
      Mailboxes mailboxes,
      @Value("${sportello.sla.calendar.zone:Europe/Rome}") ZoneId zone) {
    this.outbound = outbound;
    this.port = port;
    this.mailboxes = mailboxes;
    this.time = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss z").withZone(zone);
  }

  @Override
  public String name() {
    return "email";
  }

  @Override
  public void send(Alert alert, List<String> contacts) {
    for (String contact : contacts) {
      outbound
          .queue(
              new MailOutbox.Letter(
                  null, false, contact, subject(alert), body(alert), TEMPLATE, null))
          .orElseThrow(() -> new IllegalStateException("no mailbox can send the alert"));
    }
  }

  /** Straight to the default mailbox's SMTP server: the outbox is in the database that is down. */
  @Override
  public boolean sendWithoutDatabase(Alert alert, List<String> contacts) {
    Optional<Mailbox> mailbox =
        mailboxes
            .defaultMailbox()
            .or(() -> mailboxes.all().stream().filter(Mailbox::sends).findFirst());
    if (mailbox.isEmpty()) {
      return false;
    }
    try {
      MimeMessage message = port.newMessage();
      message.setFrom(new InternetAddress(mailbox.get().address()));
      for (String contact : contacts) {
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(contact));
      }
      message.setSubject(subject(alert), "UTF-8");
      message.setText(body(alert), "UTF-8");
      port.send(mailbox.get(), message);
      return true;
    } catch (MessagingException | RuntimeException e) {
      return false;
    }
  }

  private String subject(Alert alert) {
    return alert.recovery()
        ? "[Sportello] Ripristinato / recovered: " + alert.dependency()
        : "[Sportello] "
            + italian(alert.status())
            + " / "
            + alert.status()
            + ": "
            + alert.dependency();
  }

  private String body(Alert alert) {
    String when = time.format(alert.since());
    String body =
        (alert.recovery()
                ? "Il servizio "
                    + alert.dependency()
                    + " funziona di nuovo dalle "
                    + when
                    + " (prima: "
                    + alert.previous()
                    + ")."
                : "Il servizio "
                    + alert.dependency()
                    + " risulta "
                    + italian(alert.status()).toLowerCase(java.util.Locale.ROOT)
                    + " dalle "
                    + when
                    + ".")
            + "\n\n"
            + (alert.recovery()
                ? alert.dependency()
                    + " is working again since "
                    + when
                    + " (before: "
                    + alert.previous()
                    + ")."
                : alert.dependency() + " is " + alert.status() + " since " + when + ".")
            + "\n\n"
            + (alert.details() == null || alert.details().isBlank() ? "" : alert.details() + "\n\n")
            + "Avviso / alert "
            + alert.key()
            + "\n";
    return body;
  }

  private static String italian(String status) {
    return switch (status) {
      case "DOWN" -> "NON DISPONIBILE";
      case "DEGRADED" -> "DEGRADATO";
      case "UP" -> "DISPONIBILE";
      default -> status;
    };
  }
}
