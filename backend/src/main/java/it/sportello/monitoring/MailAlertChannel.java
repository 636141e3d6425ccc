package it.sportello.monitoring;

import it.sportello.channel.mail.OutboundMail;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Alerts by e-mail through the mail outbox (retried like every outgoing mail), Italian then English. */
@Component
class MailAlertChannel implements AlertChannel {

  static final String TEMPLATE = "DEPENDENCY_ALERT";

  private final OutboundMail outbound;
  private final DateTimeFormatter time;

  MailAlertChannel(OutboundMail outbound, @Value("${sportello.sla.calendar.zone:Europe/Rome}") ZoneId zone) {
    this.outbound = outbound;
    this.time = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss z").withZone(zone);
  }

  @Override
  public String name() {
    return "email";
  }

  @Override
  public void send(Alert alert, List<String> contacts) {
    String subject =
        alert.recovery()
            ? "[Sportello] Ripristinato / recovered: " + alert.dependency()
            : "[Sportello] " + italian(alert.status()) + " / " + alert.status() + ": " + alert.dependency();
    String when = time.format(alert.since());
    String body =
        (alert.recovery()
                ? "Il servizio " + alert.dependency() + " funziona di nuovo dalle " + when + " (prima: " + alert.previous() + ")."
                : "Il servizio " + alert.dependency() + " risulta " + italian(alert.status()).toLowerCase()
                    + " dalle " + when + ".")
            + "\n\n"
            + (alert.recovery()
                ? alert.dependency() + " is working again since " + when + " (before: " + alert.previous() + ")."
                : alert.dependency() + " is " + alert.status() + " since " + when + ".")
            + "\n\n"
            + (alert.details() == null || alert.details().isBlank() ? "" : alert.details() + "\n\n")
            + "Avviso / alert " + alert.key() + "\n";
    for (String contact : contacts) {
      outbound
          .queue(new OutboundMail.Letter(null, false, contact, subject, body, TEMPLATE, null))
          .orElseThrow(() -> new IllegalStateException("no mailbox can send the alert"));
    }
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
