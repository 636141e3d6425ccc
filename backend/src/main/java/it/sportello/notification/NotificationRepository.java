package it.sportello.notification;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {

  Optional<Notification> findByDedupKey(String dedupKey);
}
