package it.sportello.channel.mail;

import it.sportello.channel.mail.MailPort.MailServerException;
import it.sportello.channel.mail.MailPort.MailboxWatch;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for new mail in one mailbox with IMAP IDLE, on a thread of its own, and asks for a poll
 * whenever the server announces a change: the poll stays the only reader, so exactly-once intake
 * does not depend on the watch. Without IDLE on the server the watcher ends (the mailbox is polled
 * at its interval only); a lost connection is opened again after a pause.
 */
final class MailboxWatcher implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(MailboxWatcher.class);

  /** Renewed well within the 29 minutes of RFC 2177 and the 10 minutes some providers allow. */
  static final Duration RENEW_EVERY = Duration.ofMinutes(9);

  private final Mailbox mailbox;
  private final MailPort port;
  private final Runnable onChange;
  private final Duration retryAfter;
  private volatile boolean running = true;
  private volatile MailboxWatch current;

  MailboxWatcher(Mailbox mailbox, MailPort port, Runnable onChange, Duration retryAfter) {
    this.mailbox = mailbox;
    this.port = port;
    this.onChange = onChange;
    this.retryAfter = retryAfter;
  }

  @Override
  public void run() {
    while (running) {
      try {
        Optional<MailboxWatch> watch = port.watch(mailbox);
        if (watch.isEmpty()) {
          log.info(
              "Mailbox {}: {} does not offer IMAP IDLE, the folder is polled every {}",
              mailbox.id(),
              mailbox.imap(),
              mailbox.pollInterval());
          return;
        }
        watch(watch.get());
      } catch (MailServerException e) {
        if (running) {
          log.warn(
              "Mailbox {}: waiting for new mail failed ({}), trying again in {}",
              mailbox.id(),
              e.getMessage(),
              retryAfter);
          pause();
        }
      }
    }
  }

  private void watch(MailboxWatch watch) {
    try (watch) {
      current = watch;
      if (!running) {
        return;
      }
      log.info("Mailbox {}: waiting for new mail with IMAP IDLE", mailbox.id());
      // mail may have arrived while the connection was down
      onChange.run();
      while (running) {
        if (watch.awaitChange(RENEW_EVERY)) {
          onChange.run();
        }
      }
    } finally {
      current = null;
    }
  }

  private void pause() {
    try {
      Thread.sleep(retryAfter.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Ends the wait and the thread; called from another thread. */
  void stop() {
    running = false;
    MailboxWatch watch = current;
    if (watch != null) {
      watch.close();
    }
  }
}
