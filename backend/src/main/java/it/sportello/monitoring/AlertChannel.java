package it.sportello.monitoring;

import java.util.List;

/**
 * A way to tell the contacts of an alert: e-mail ({@link MailAlertChannel}), App IO and SMS ({@link
 * MessageAlertChannel}). Called in the transaction that records the change: a channel that queues
 * (the mail outbox) sends exactly once; one that calls out directly should do so after commit.
 */
public interface AlertChannel {

  /** The channel's name, recorded with the change. */
  String name();

  void send(Alert alert, List<String> contacts);

  /** Whether the channel has anyone to tell ({@code contacts}: the e-mail contacts). */
  default boolean tellsAnyone(List<String> contacts) {
    return !contacts.isEmpty();
  }

  /**
   * Tells the contacts at once, without the database: used when the change cannot be recorded
   * (PostgreSQL itself is down, and the mail outbox with it). Best effort, not retried.
   *
   * @return whether the channel could send
   */
  default boolean sendWithoutDatabase(Alert alert, List<String> contacts) {
    return false;
  }

  /** Whether {@link #sendWithoutDatabase} can tell anyone (a queue in the database cannot). */
  default boolean tellsWithoutDatabase() {
    return true;
  }
}
