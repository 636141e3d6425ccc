package it.sportello.notification;

import java.time.Instant;

/**
 * A port to the citizens' other message channels besides mail: the App IO messaging API of the
 * Italian public administration and SMS. Each adapter is off unless configured; the outbox keeps
 * their messages ({@link Notification} rows on the adapter's {@link #channel()}) until delivered,
 * retries failures and quarantines a message that keeps failing (status {@code FAILED}, with its
 * last error), never dropping it.
 */
public interface CitizenMessagePort {

  /** The outbox channel of this adapter: {@code APP_IO} or {@code SMS}. */
  String channel();

  /** Configured and switched on. */
  boolean enabled();

  /**
   * Delivers one message; idempotent for the same {@link Message#dedupKey()} where the far side
   * allows it.
   *
   * @throws DeliveryFailed when the far side refused it or could not be reached
   */
  void send(Message message);

  /**
   * @param recipient the citizen's fiscal code (App IO) or phone number (SMS)
   * @param subject a short subject (App IO: 10 to 120 characters)
   * @param markdown the text (App IO: Markdown, 80 to 10000 characters; SMS: sent as plain text)
   * @param dueDate the deadline the message is about, if any
   */
  record Message(
      String dedupKey, String recipient, String subject, String markdown, Instant dueDate) {}

  class DeliveryFailed extends RuntimeException {
    public DeliveryFailed(String message) {
      super(message);
    }

    public DeliveryFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
