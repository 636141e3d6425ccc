package it.sportello.notification;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {

  Optional<Notification> findByDedupKey(String dedupKey);

  List<Notification> findByStatusAndChannelInAndIdGreaterThanOrderByIdAsc(
      Notification.Status status, Collection<String> channels, long afterId, Limit limit);
}
