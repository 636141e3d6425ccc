package it.sportello.notification;

import java.time.Clock;
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
}
