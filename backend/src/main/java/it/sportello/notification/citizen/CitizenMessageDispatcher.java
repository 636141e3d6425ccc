package it.sportello.notification.citizen;

import it.sportello.notification.CitizenMessagePort;
import it.sportello.notification.Notification;
import it.sportello.notification.Notifications;
import it.sportello.shared.TextTemplates;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox's messages on the enabled citizen channels (App IO, SMS): each rendered in
 * its language from the {@value #BUNDLE} bundle of {@link TextTemplates} ({@code
 * templates/citizen-messages/<language>.properties}, replaceable from the templates directory;
 * Italian when missing), sent through its port, marked sent; a failure stays pending and is tried
 * again after {@code backoff}, doubled after each further failure up to {@code backoff-max}, and is
 * quarantined after {@code max-attempts} (FAILED, with the error, kept for staff to see).
 */
@Component
public class CitizenMessageDispatcher {

  private static final Logger log = LoggerFactory.getLogger(CitizenMessageDispatcher.class);

  /** The bundle of the citizen channels' messages in {@link TextTemplates}. */
  static final String BUNDLE = "citizen-messages";

  private static final int BATCH = 100;

  private final List<CitizenMessagePort> ports;
  private final Notifications notifications;
  private final CitizenChannelsProperties properties;
  private final TextTemplates templates;

  CitizenMessageDispatcher(
      List<CitizenMessagePort> ports,
      Notifications notifications,
      CitizenChannelsProperties properties,
      TextTemplates templates) {
    this.ports = ports;
    this.notifications = notifications;
    this.properties = properties;
    this.templates = templates;
  }

  @Scheduled(
      fixedDelayString = "${sportello.notifications.citizen-channels.every:PT1M}",
      initialDelayString = "${sportello.notifications.citizen-channels.every:PT1M}")
  void scheduled() {
    dispatch();
  }

  /** One round over the pending messages of every enabled channel. @return how many were sent */
  public int dispatch() {
    int sent = 0;
    for (CitizenMessagePort port : ports) {
      if (!port.enabled()) {
        continue;
      }
      long after = 0;
      List<Notification> batch;
      do {
        batch = notifications.pending(List.of(port.channel()), after, BATCH);
        for (Notification notification : batch) {
          after = notification.getId();
          if (deliver(port, notification)) {
            sent++;
          }
        }
      } while (batch.size() == BATCH);
    }
    return sent;
  }

  private boolean deliver(CitizenMessagePort port, Notification notification) {
    Map<String, String> values = notification.getPayload();
    String language = notification.getLanguage();
    String template = notification.getTemplate();
    String due = values.get("dueAt");
    CitizenMessagePort.Message message =
        new CitizenMessagePort.Message(
            notification.getDedupKey(),
            notification.getRecipient(),
            fill(text(template + ".subject", language), values),
            fill(text(template + ".markdown", language), values),
            due == null ? null : Instant.parse(due));
    boolean sent =
        notifications.deliverOnce(
            notification.getId(),
            locked -> port.send(message),
            properties.maxAttempts(),
            properties.backoff(),
            properties.backoffMax());
    if (!sent) {
      log.warn(
          "{} message {} not delivered now (pending or quarantined)",
          port.channel(),
          notification.getId());
    }
    return sent;
  }

  private String text(String key, String language) {
    return templates.find(BUNDLE, key, language).orElse("{" + key + "}");
  }

  private static String fill(String text, Map<String, String> values) {
    return TextTemplates.fill(text, values);
  }
}
