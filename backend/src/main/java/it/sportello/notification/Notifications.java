package it.sportello.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification port: queue a message in the caller's transaction, at most once per dedup key.
 */
@Service
public class Notifications {

  /** The channel of messages to staff: delivered as notifications in the application. */
  public static final String INBOX = "INBOX";

  private final NotificationRepository outbox;
  private final InAppNotifications inApp;
  private final Clock clock;

  Notifications(NotificationRepository outbox, InAppNotifications inApp, Clock clock) {
    this.outbox = outbox;
    this.inApp = inApp;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public Notification queue(NotificationRequest request) {
    return outbox
        .findByDedupKey(request.dedupKey())
        // delivered in the application before it is stored: one insert of a sent message, not an
        // insert and then its update (an escalation queues one per timer, issue 26)
        .orElseGet(() -> outbox.save(deliverInApp(new Notification(request, clock.instant()))));
  }

  /**
   * A message to a group of staff on the {@link #INBOX} channel about a ticket is shown in the
   * application, in the bell of every member, and so delivered.
   */
  private Notification deliverInApp(Notification queued) {
    String number = queued.getPayload().get("number");
    if (!INBOX.equals(queued.getChannel())
        || queued.getRecipientKind() != Notification.RecipientKind.GROUP
        || number == null) {
      return queued;
    }
    AppNotificationKind kind;
    try {
      kind = AppNotificationKind.valueOf(queued.getTemplate());
    } catch (IllegalArgumentException notShown) {
      return queued;
    }
    Map<String, String> params = new TreeMap<>(queued.getPayload());
    params.remove("number");
    inApp.publish(
        queued.getDedupKey(),
        kind,
        number,
        params,
        List.of(Recipient.group(queued.getRecipient())));
    queued.markSent(clock.instant());
    return queued;
  }

  /**
   * Messages not yet delivered on these channels whose next try is due (a failed one waits its
   * backoff), oldest first, after {@code afterId}.
   */
  @Transactional(readOnly = true)
  public List<Notification> pending(Collection<String> channels, long afterId, int limit) {
    return outbox.pendingDue(channels, afterId, clock.instant(), limit);
  }

  /**
   * Delivers a pending message once across nodes: its row stays locked while {@code delivery} runs
   * (another node skips it), then it is marked sent, or failed this time ({@link #attemptFailed}).
   *
   * @return whether it was delivered now
   */
  @Transactional
  public boolean deliverOnce(
      long id, java.util.function.Consumer<Notification> delivery, int maxAttempts) {
    return deliverOnce(id, delivery, maxAttempts, java.time.Duration.ZERO, java.time.Duration.ZERO);
  }

  /**
   * As {@link #deliverOnce(long, java.util.function.Consumer, int)}, a failure waiting {@code
   * backoff} × 2^(failures − 1), at most {@code backoffMax}, before the next try.
   */
  @Transactional
  public boolean deliverOnce(
      long id,
      java.util.function.Consumer<Notification> delivery,
      int maxAttempts,
      java.time.Duration backoff,
      java.time.Duration backoffMax) {
    Optional<Notification> pending = outbox.lockPending(id);
    if (pending.isEmpty()) {
      return false;
    }
    Notification notification = pending.get();
    try {
      delivery.accept(notification);
    } catch (RuntimeException e) {
      notification.attemptFailed(
          String.valueOf(e.getMessage()), maxAttempts, backoff, backoffMax, clock.instant());
      return false;
    }
    notification.markSent(clock.instant());
    return true;
  }

  /** The channel adapter delivered it. */
  @Transactional
  public void markSent(long id, Instant at) {
    outbox.findById(id).ifPresent(notification -> notification.markSent(at));
  }

  /**
   * The channel adapter failed this time: retried later, quarantined (FAILED) after {@code
   * maxAttempts} failures.
   */
  @Transactional
  public void attemptFailed(long id, String error, int maxAttempts) {
    outbox.findById(id).ifPresent(notification -> notification.attemptFailed(error, maxAttempts));
  }

  /** The channel adapter gave up on it, for this reason. */
  @Transactional
  public void markFailed(long id, String error) {
    outbox.findById(id).ifPresent(notification -> notification.markFailed(error));
  }
}
