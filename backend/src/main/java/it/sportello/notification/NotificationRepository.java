package it.sportello.notification;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

  Optional<Notification> findByDedupKey(String dedupKey);

  List<Notification> findByStatusAndChannelInAndIdGreaterThanOrderByIdAsc(
      Notification.Status status, Collection<String> channels, long afterId, Limit limit);

  /** Pending messages whose next try is due (never failed, or their backoff over). */
  @Query(
      value =
          "select * from sportello.notification_outbox where status = 'PENDING'"
              + " and channel in (:channels) and id > :afterId"
              + " and (next_attempt_at is null or next_attempt_at <= :now)"
              + " order by id limit :limit",
      nativeQuery = true)
  List<Notification> pendingDue(
      Collection<String> channels, long afterId, java.time.Instant now, int limit);

  /** The message if still pending and nobody else holds it (another node delivering it now). */
  @Query(
      value =
          "select * from sportello.notification_outbox where id = :id and status = 'PENDING'"
              + " for update skip locked",
      nativeQuery = true)
  Optional<Notification> lockPending(long id);
}
