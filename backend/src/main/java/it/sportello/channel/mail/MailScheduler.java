package it.sportello.channel.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The mail workers, once the application is up: each receiving mailbox is polled at its interval by
 * a worker thread of its own ({@code mail-<mailbox>}; {@code sportello.mail.polling.enabled}, on by
 * default), so that a slow message in one mailbox never delays another mailbox, and a mailbox is
 * never polled twice at once; the outbox is sent by one more ({@code mail-outbound}; {@code
 * sportello.mail.outbound.enabled}). Mailboxes whose server offers IMAP IDLE are also watched
 * ({@link MailboxWatcher}), each on a thread of its own, and polled as soon as new mail is
 * announced.
 *
 * <p>Orderly stop: Spring stops every {@link SmartLifecycle} (highest phase first) before it
 * destroys any bean, and Camunda's engine is closed when its {@code ProcessEngineFactoryBean} is
 * destroyed ({@code DisposableBean}), the JPA and the connection pool after that. This phase is the
 * highest, so the workers stop first: {@link #stop()} tells the pollers to take no further message
 * ({@link IntakeShutdown}), cancels the schedules and waits up to {@code
 * sportello.mail.polling.stop-timeout} for the messages in hand. One still in hand after that, or
 * failing because of the shutdown, is neither quarantined nor marked as seen: it is taken in at the
 * next start.
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
  private final IntakeShutdown shutdown;
  private final Map<String, ScheduledThreadPoolExecutor> workers = new LinkedHashMap<>();
  private final List<MailboxWatcher> watchers = new ArrayList<>();
  private final Set<String> pollsQueued = ConcurrentHashMap.newKeySet();
  private volatile boolean running;

  MailScheduler(
      Mailboxes mailboxes,
      MailboxPoller poller,
      MailProperties properties,
      NotificationMailer notificationMailer,
      OutboundMailSender sender,
      MailPort port,
      IntakeShutdown shutdown) {
    this.port = port;
    this.notificationMailer = notificationMailer;
    this.sender = sender;
    this.mailboxes = mailboxes;
    this.poller = poller;
    this.properties = properties;
    this.shutdown = shutdown;
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
    shutdown.stopping(false);
    if (sending) {
      worker("outbound")
          .scheduleWithFixedDelay(
              this::send, 0, properties.outbound().interval().toMillis(), TimeUnit.MILLISECONDS);
    }
    for (Mailbox mailbox : mailboxes.all()) {
      if (polling && mailbox.receives()) {
        worker(mailbox.id())
            .scheduleWithFixedDelay(
                () -> poll(mailbox), 0, mailbox.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        if (mailbox.idle()) {
          watch(mailbox);
        }
      }
    }
    running = true;
  }

  /** A thread of its own for the mailbox (or the outbox). */
  private ScheduledThreadPoolExecutor worker(String name) {
    ScheduledThreadPoolExecutor worker =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "mail-" + name);
              thread.setDaemon(true);
              return thread;
            });
    // at shutdown: no delayed poll starts; the one running ends its message
    worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    worker.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    worker.setRemoveOnCancelPolicy(true);
    workers.put(name, worker);
    return worker;
  }

  private void watch(Mailbox mailbox) {
    MailboxWatcher watcher =
        new MailboxWatcher(mailbox, port, () -> requestPoll(mailbox), WATCH_RETRY_AFTER);
    watchers.add(watcher);
    Thread thread = new Thread(watcher, "mail-idle-" + mailbox.id());
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * A poll as soon as the mailbox's worker is free; announcements while one is queued add nothing.
   */
  private void requestPoll(Mailbox mailbox) {
    ScheduledThreadPoolExecutor worker;
    synchronized (this) {
      worker = workers.get(mailbox.id());
    }
    if (worker != null && !shutdown.stopping() && pollsQueued.add(mailbox.id())) {
      try {
        worker.execute(
            () -> {
              pollsQueued.remove(mailbox.id());
              poll(mailbox);
            });
      } catch (RejectedExecutionException e) {
        pollsQueued.remove(mailbox.id()); // stopping
      }
    }
  }

  private void poll(Mailbox mailbox) {
    try {
      int batches = 0;
      while (!shutdown.stopping()
          && poller.poll(mailbox) >= properties.polling().batchSize()
          && ++batches < MAX_BATCHES_PER_POLL) {
        // a full batch: more mail is waiting
      }
    } catch (RuntimeException | Error e) {
      // never rethrown: an exception would end this mailbox's schedule for good
      log.warn("Polling mailbox {} failed: {}", mailbox.id(), MailboxHealth.describe(e));
      log.debug("Polling mailbox {} failed", mailbox.id(), e);
    }
  }

  private void send() {
    if (shutdown.stopping()) {
      return;
    }
    try {
      notificationMailer.queuePending();
      sender.sendDue();
    } catch (RuntimeException | Error e) {
      log.warn("Sending mail failed: {}", MailboxHealth.describe(e));
      log.debug("Sending mail failed", e);
    }
  }

  /**
   * Stops taking new messages and waits (at most {@code sportello.mail.polling.stop-timeout}) for
   * the messages in hand, before the engine and the database close.
   */
  @Override
  public synchronized void stop() {
    shutdown.stopping(true);
    watchers.forEach(MailboxWatcher::stop);
    watchers.clear();
    workers.values().forEach(ScheduledThreadPoolExecutor::shutdown);
    long deadline = System.nanoTime() + properties.polling().stopTimeout().toNanos();
    try {
      for (Map.Entry<String, ScheduledThreadPoolExecutor> worker : workers.entrySet()) {
        long left = deadline - System.nanoTime();
        if (!worker.getValue().awaitTermination(Math.max(left, 0), TimeUnit.NANOSECONDS)) {
          log.warn(
              "Mail worker {} still busy after {}: its message is left unseen, taken in at the"
                  + " next start",
              worker.getKey(),
              properties.polling().stopTimeout());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.clear();
    pollsQueued.clear();
    running = false;
  }

  @Override
  public synchronized boolean isRunning() {
    return running;
  }

  /** The highest phase: stopped before every other lifecycle, long before the engine closes. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE;
  }
}
