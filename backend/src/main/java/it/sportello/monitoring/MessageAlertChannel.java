package it.sportello.monitoring;

import it.sportello.notification.CitizenMessagePort;
import it.sportello.notification.Notification.RecipientKind;
import it.sportello.notification.NotificationRequest;
import it.sportello.notification.Notifications;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Alerts through the notification port on App IO and SMS ({@link CitizenMessagePort}): one message
 * per configured contact ({@code sportello.alerts.app-io-contacts}, fiscal codes; {@code
 * sportello.alerts.sms-contacts}, phone numbers) on each enabled channel, queued in the outbox in
 * the transaction that records the change and delivered by its dispatcher (retried with backoff,
 * quarantined when it keeps failing). Off unless a channel is enabled and has contacts. Without the
 * database nothing can be queued: e-mail tells alone then.
 */
@Component
class MessageAlertChannel implements AlertChannel {

  static final String TEMPLATE = "DEPENDENCY_ALERT";

  private final List<CitizenMessagePort> ports;
  private final Notifications notifications;
  private final AlertProperties properties;
  private final DateTimeFormatter time;

  MessageAlertChannel(
      List<CitizenMessagePort> ports,
      Notifications notifications,
      AlertProperties properties,
      @Value("${sportello.sla.calendar.zone:Europe/Rome}") ZoneId zone) {
    this.ports = ports;
    this.notifications = notifications;
    this.properties = properties;
    this.time = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm z").withZone(zone);
  }

  @Override
  public String name() {
    return "messages";
  }

  /** Queues the alert for the App IO and SMS contacts; the e-mail contacts are the mail's. */
  @Override
  public void send(Alert alert, List<String> emailContacts) {
    for (CitizenMessagePort port : ports) {
      if (!port.enabled()) {
        continue;
      }
      List<String> contacts =
          "SMS".equals(port.channel()) ? properties.smsContacts() : properties.appIoContacts();
      for (String contact : contacts) {
        if (contact == null || contact.isBlank()) {
          continue;
        }
        notifications.queue(
            new NotificationRequest(
                "alert:" + alert.key() + ":" + port.channel() + ":" + contact.strip(),
                null,
                RecipientKind.GROUP,
                contact.strip(),
                port.channel(),
                TEMPLATE,
                "it",
                payload(alert)));
      }
    }
  }

  @Override
  public boolean tellsAnyone(List<String> emailContacts) {
    return ports.stream()
        .anyMatch(
            port ->
                port.enabled()
                    && !("SMS".equals(port.channel())
                            ? properties.smsContacts()
                            : properties.appIoContacts())
                        .isEmpty());
  }

  @Override
  public boolean tellsWithoutDatabase() {
    return false;
  }

  private Map<String, String> payload(Alert alert) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("dependency", alert.dependency());
    values.put("status", alert.status());
    values.put("previous", alert.previous());
    values.put("since", time.format(alert.since()));
    values.put("key", alert.key());
    return values;
  }
}
