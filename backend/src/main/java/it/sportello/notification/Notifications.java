package it.sportello.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification port: queue a message in the caller's transaction, at most once per dedup key.
 */
@Service
public class Notifications {

  private final NotificationRepository outbox;
  private final Clock clock;

  Notifications(NotificationRepository outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public Notification queue(NotificationRequest request) {
    return outbox
        .findByDedupKey(request.dedupKey())
        .orElseGet(() -> outbox.save(new Notification(request, clock.instant())));
  }

  /** Messages not yet delivered on these channels, oldest first, after {@code afterId}. */
  @Transactional(readOnly = true)
  public List<Notification> pending(Collection<String> channels, long afterId, int limit) {
    return outbox.findByStatusAndChannelInAndIdGreaterThanOrderByIdAsc(
        Notification.Status.PENDING, channels, afterId, Limit.of(limit));
  }

  /** The channel adapter delivered it. */
  @Transactional
  public void markSent(long id, Instant at) {
    outbox.findById(id).ifPresent(notification -> notification.markSent(at));
  }

  /** The channel adapter gave up on it, for this reason. */
  @Transactional
  public void markFailed(long id, String error) {
    outbox.findById(id).ifPresent(notification -> notification.markFailed(error));
  }
}
