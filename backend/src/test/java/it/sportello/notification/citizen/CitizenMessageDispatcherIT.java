package it.sportello.notification.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.IntegrationTest;
import it.sportello.notification.CitizenMessagePort;
import it.sportello.notification.Notification.RecipientKind;
import it.sportello.notification.NotificationRequest;
import it.sportello.notification.Notifications;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatcher of the citizen channels: a message rendered in its language is delivered once; a
 * failing one is retried and, after the attempts, quarantined with its error (kept, not dropped).
 */
class CitizenMessageDispatcherIT extends IntegrationTest {

  @Autowired Notifications notifications;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;

  /** A port on a channel of this test only, failing while {@code failing} says so. */
  private static final class FakePort implements CitizenMessagePort {
    final String channel = "T" + UUID.randomUUID().toString().substring(0, 8);
    final List<Message> sent = new CopyOnWriteArrayList<>();
    volatile boolean failing;

    @Override
    public String channel() {
      return channel;
    }

    @Override
    public boolean enabled() {
      return true;
    }

    @Override
    public void send(Message message) {
      if (failing) {
        throw new DeliveryFailed("gateway down");
      }
      sent.add(message);
    }
  }

  @Test
  void aMessageIsDeliveredOnceInItsLanguageAndAFailingOneIsQuarantinedAfterTheAttempts() {
    FakePort port = new FakePort();
    CitizenMessageDispatcher dispatcher =
        new CitizenMessageDispatcher(
            List.of(port),
            notifications,
            new CitizenChannelsProperties(
                new CitizenChannelsProperties.AppIo(false, null, null),
                new CitizenChannelsProperties.Sms(false, null, null, null),
                2,
                Duration.ofMinutes(1),
                Duration.ofSeconds(5),
                Duration.ZERO,
                Duration.ZERO),
            new it.sportello.shared.TextTemplates(
                new it.sportello.shared.TemplateProperties(null, "it")));
    String key = "test:" + UUID.randomUUID();
    queue(key, port.channel, "en");
    assertThat(dispatcher.dispatch()).isEqualTo(1);
    assertThat(dispatcher.dispatch()).as("once").isZero();
    assertThat(port.sent).hasSize(1);
    CitizenMessagePort.Message message = port.sent.get(0);
    assertThat(message.recipient()).isEqualTo("RSSMRA80A41H501U");
    assertThat(message.subject()).isEqualTo("Reminder: deadline on 18 January 2027");
    assertThat(message.markdown()).contains("TARI instalment");
    assertThat(message.dueDate()).hasToString("2027-01-18T22:59:00Z");

    String failing = "test:" + UUID.randomUUID();
    queue(failing, port.channel, "it");
    port.failing = true;
    dispatcher.dispatch();
    assertThat(status(failing)).containsEntry("status", "PENDING").containsEntry("attempts", 1);
    dispatcher.dispatch();
    assertThat(status(failing))
        .containsEntry("status", "FAILED")
        .containsEntry("attempts", 2)
        .containsEntry("last_error", "gateway down");
    port.failing = false;
    dispatcher.dispatch();
    assertThat(port.sent).as("quarantined: not sent again by itself").hasSize(1);
  }

  @Test
  void aFailedMessageWaitsItsBackoffDoubledThenIsQuarantinedWithItsError() {
    FakePort port = new FakePort();
    CitizenMessageDispatcher dispatcher =
        new CitizenMessageDispatcher(
            List.of(port),
            notifications,
            new CitizenChannelsProperties(
                new CitizenChannelsProperties.AppIo(false, null, null),
                new CitizenChannelsProperties.Sms(false, null, null, null),
                3,
                Duration.ofMinutes(1),
                Duration.ofSeconds(5),
                Duration.ofHours(1),
                Duration.ofHours(3)),
            new it.sportello.shared.TextTemplates(
                new it.sportello.shared.TemplateProperties(null, "it")));
    Instant start = Instant.parse("2026-12-07T08:00:00Z");
    clock.pin(start);
    String key = "test:" + UUID.randomUUID();
    queue(key, port.channel, "it");
    port.failing = true;
    dispatcher.dispatch();
    assertThat(status(key)).containsEntry("status", "PENDING").containsEntry("attempts", 1);
    assertThat(nextAttempt(key)).as("first backoff").isEqualTo(start.plus(Duration.ofHours(1)));
    clock.pin(start.plus(Duration.ofMinutes(59)));
    dispatcher.dispatch();
    assertThat(status(key)).as("not tried during its backoff").containsEntry("attempts", 1);

    Instant second = start.plus(Duration.ofHours(1));
    clock.pin(second);
    dispatcher.dispatch();
    assertThat(status(key)).containsEntry("status", "PENDING").containsEntry("attempts", 2);
    assertThat(nextAttempt(key)).as("doubled").isEqualTo(second.plus(Duration.ofHours(2)));

    clock.pin(second.plus(Duration.ofHours(2)));
    dispatcher.dispatch();
    assertThat(status(key))
        .containsEntry("status", "FAILED")
        .containsEntry("attempts", 3)
        .containsEntry("last_error", "gateway down");
    port.failing = false;
    clock.pin(second.plus(Duration.ofDays(1)));
    dispatcher.dispatch();
    assertThat(port.sent).as("quarantined: never sent by itself").isEmpty();
  }

  private Instant nextAttempt(String key) {
    return jdbc.queryForObject(
            "select next_attempt_at from sportello.notification_outbox where dedup_key = ?",
            java.sql.Timestamp.class,
            key)
        .toInstant();
  }

  private void queue(String key, String channel, String language) {
    transactions.executeWithoutResult(
        status ->
            notifications.queue(
                new NotificationRequest(
                    key,
                    null,
                    RecipientKind.REQUESTER,
                    "RSSMRA80A41H501U",
                    channel,
                    "REMINDER_NOTICE_DEADLINE",
                    language,
                    Map.of(
                        "title", "TARI instalment",
                        "text", "Pay the instalment by the deadline.",
                        "deadline", "18 January 2027",
                        "dueAt", "2027-01-18T22:59:00Z"))));
  }

  private Map<String, Object> status(String key) {
    return jdbc.queryForMap(
        "select status, attempts, last_error from sportello.notification_outbox where dedup_key = ?",
        key);
  }
}
