package it.sportello.monitoring;

import java.util.List;

/**
 * A way to tell the contacts of an alert: e-mail ({@link MailAlertChannel}); an App IO or SMS port
 * adds its own bean. Called in the transaction that records the change: a channel that queues (the
 * mail outbox) sends exactly once; one that calls out directly should do so after commit.
 */
public interface AlertChannel {

  /** The channel's name, recorded with the change. */
  String name();

  void send(Alert alert, List<String> contacts);
}
