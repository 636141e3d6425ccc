package it.sportello.channel.mail;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Polls each receiving mailbox at its interval ({@code sportello.mail.polling.enabled}, on by
 * default) and sends the outbox ({@code sportello.mail.outbound.enabled}, on by default), once the
 * application is up; one thread, so that a mailbox is never polled twice at once.
 */
@Component
class MailScheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MailScheduler.class);

  private final Mailboxes mailboxes;
  private final MailboxPoller poller;
  private final MailProperties properties;
  private final NotificationMailer notificationMailer;
  private final OutboundMailSender sender;
  private final List<ScheduledFuture<?>> scheduled = new CopyOnWriteArrayList<>();
  private ThreadPoolTaskScheduler scheduler;

  MailScheduler(
      Mailboxes mailboxes,
      MailboxPoller poller,
      MailProperties properties,
      NotificationMailer notificationMailer,
      OutboundMailSender sender) {
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
      }
    }
  }

  private void poll(Mailbox mailbox) {
    try {
      poller.poll(mailbox);
    } catch (RuntimeException e) {
      log.warn("Polling mailbox {} failed: {}", mailbox.id(), e.getMessage(), e);
    }
  }

  private void send() {
    try {
      notificationMailer.queuePending();
      sender.sendDue();
    } catch (RuntimeException e) {
      log.warn("Sending mail failed: {}", e.getMessage(), e);
    }
  }

  @Override
  public synchronized void stop() {
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
