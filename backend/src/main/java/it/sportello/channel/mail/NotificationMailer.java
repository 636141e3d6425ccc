package it.sportello.channel.mail;

import it.sportello.notification.Notification;
import it.sportello.notification.Notifications;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the notifications to requesters whose channel is e-mail or PEC: each becomes a message
 * in the mail outbox, written in the requester's language, once (the outbox row names the
 * notification); the notification is marked sent or failed when the mail is.
 */
@Component
public class NotificationMailer {

  static final Set<String> CHANNELS = Set.of("EMAIL", "PEC");
  private static final int BATCH = 100;

  private final Notifications notifications;
  private final OutboundMail outbound;
  private final OutboundMails outbox;
  private final MailTemplates templates;
  private final TransactionTemplate transactions;

  NotificationMailer(
      Notifications notifications,
      OutboundMail outbound,
      OutboundMails outbox,
      MailTemplates templates,
      PlatformTransactionManager transactionManager) {
    this.notifications = notifications;
    this.outbound = outbound;
    this.outbox = outbox;
    this.templates = templates;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** Queues the pending notifications as mail. @return how many were queued */
  public int queuePending() {
    if (!outbound.available()) {
      return 0;
    }
    int queued = 0;
    long after = 0;
    List<Notification> batch;
    do {
      batch = notifications.pending(CHANNELS, after, BATCH);
      for (Notification notification : batch) {
        after = notification.getId();
        Boolean done = transactions.execute(status -> queue(notification));
        if (Boolean.TRUE.equals(done)) {
          queued++;
        }
      }
    } while (batch.size() == BATCH);
    return queued;
  }

  private boolean queue(Notification notification) {
    if (outbox.hasNotification(notification.getId())) {
      return false;
    }
    MailTemplates.Text text =
        templates.render(
            notification.getTemplate(), notification.getLanguage(), notification.getPayload());
    return outbound
        .queue(
            new OutboundMail.Letter(
                notification.getPayload().get("number"),
                "PEC".equals(notification.getChannel()),
                notification.getRecipient(),
                text.subject(),
                text.body(),
                notification.getTemplate(),
                notification.getId()))
        .isPresent();
  }
}
