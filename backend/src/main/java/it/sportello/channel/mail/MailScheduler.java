package it.sportello.channel.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Polls each receiving mailbox at its interval ({@code sportello.mail.polling.enabled}, on by
 * default) and sends the outbox ({@code sportello.mail.outbound.enabled}, on by default), once the
 * application is up; one thread, so that a mailbox is never polled twice at once. Mailboxes whose
 * server offers IMAP IDLE are also watched ({@link MailboxWatcher}), each on a thread of its own,
 * and polled as soon as new mail is announced.
 */
@Component
class MailScheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MailScheduler.class);

  /** A poll that found a full batch goes on at once, up to this many batches. */
  private static final int MAX_BATCHES_PER_POLL = 20;

  private static final Duration WATCH_RETRY_AFTER = Duration.ofSeconds(30);

  private final Mailboxes mailboxes;
  private final MailboxPoller poller;
  private final MailProperties properties;
  private final NotificationMailer notificationMailer;
  private final OutboundMailSender sender;
  private final MailPort port;
  private final List<ScheduledFuture<?>> scheduled = new CopyOnWriteArrayList<>();
  private final List<MailboxWatcher> watchers = new ArrayList<>();
  private final Set<String> pollsQueued = ConcurrentHashMap.newKeySet();
  private volatile ThreadPoolTaskScheduler scheduler;

  MailScheduler(
      Mailboxes mailboxes,
      MailboxPoller poller,
      MailProperties properties,
      NotificationMailer notificationMailer,
      OutboundMailSender sender,
      MailPort port) {
    this.port = port;
    this.notificationMailer = notificationMailer;
    this.sender = sender;
    this.mailboxes = mailboxes;
    this.poller = poller;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    boolean polling =
        properties.polling().enabled() && mailboxes.all().stream().anyMatch(Mailbox::receives);
    boolean sending =
        properties.outbound().enabled() && mailboxes.all().stream().anyMatch(Mailbox::sends);
    if (!polling && !sending) {
      return;
    }
    scheduler = new ThreadPoolTaskScheduler();
    scheduler.setPoolSize(1);
    scheduler.setThreadNamePrefix("mail-");
    scheduler.initialize();
    if (sending) {
      scheduled.add(scheduler.scheduleWithFixedDelay(this::send, properties.outbound().interval()));
    }
    for (Mailbox mailbox : mailboxes.all()) {
      if (polling && mailbox.receives()) {
        scheduled.add(
            scheduler.scheduleWithFixedDelay(() -> poll(mailbox), mailbox.pollInterval()));
        if (mailbox.idle()) {
          watch(mailbox);
        }
      }
    }
  }

  private void watch(Mailbox mailbox) {
    MailboxWatcher watcher =
        new MailboxWatcher(mailbox, port, () -> requestPoll(mailbox), WATCH_RETRY_AFTER);
    watchers.add(watcher);
    Thread thread = new Thread(watcher, "mail-idle-" + mailbox.id());
    thread.setDaemon(true);
    thread.start();
  }

  /** A poll as soon as the mail thread is free; announcements while one is queued add nothing. */
  private void requestPoll(Mailbox mailbox) {
    ThreadPoolTaskScheduler current = scheduler;
    if (current != null && pollsQueued.add(mailbox.id())) {
      try {
        current.execute(
            () -> {
              pollsQueued.remove(mailbox.id());
              poll(mailbox);
            });
      } catch (TaskRejectedException e) {
        pollsQueued.remove(mailbox.id()); // stopping
      }
    }
  }

  private void poll(Mailbox mailbox) {
    try {
      int batches = 0;
      while (poller.poll(mailbox) >= properties.polling().batchSize()
          && ++batches < MAX_BATCHES_PER_POLL) {
        // a full batch: more mail is waiting
      }
    } catch (RuntimeException e) {
      log.warn("Polling mailbox {} failed: {}", mailbox.id(), MaskedAddresses.maskAll(message(e)));
      log.debug("Polling mailbox {} failed", mailbox.id(), e);
    }
  }

  private void send() {
    try {
      notificationMailer.queuePending();
      sender.sendDue();
    } catch (RuntimeException e) {
      log.warn("Sending mail failed: {}", MaskedAddresses.maskAll(message(e)));
      log.debug("Sending mail failed", e);
    }
  }

  /** The exception's class and message: messages may quote addresses, so they are masked. */
  private static String message(RuntimeException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  @Override
  public synchronized void stop() {
    watchers.forEach(MailboxWatcher::stop);
    watchers.clear();
    scheduled.forEach(future -> future.cancel(false));
    scheduled.clear();
    if (scheduler != null) {
      scheduler.shutdown();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
