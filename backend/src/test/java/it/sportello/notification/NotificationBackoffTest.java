package it.sportello.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The citizen channels' retry backoff: doubled after each failure, never above its cap. */
class NotificationBackoffTest {

  @Test
  void theWaitDoublesAfterEachFailureUpToTheCap() {
    Duration base = Duration.ofMinutes(1);
    Duration cap = Duration.ofHours(1);
    assertThat(Notification.delay(1, base, cap)).isEqualTo(Duration.ofMinutes(1));
    assertThat(Notification.delay(2, base, cap)).isEqualTo(Duration.ofMinutes(2));
    assertThat(Notification.delay(3, base, cap)).isEqualTo(Duration.ofMinutes(4));
    assertThat(Notification.delay(7, base, cap)).isEqualTo(Duration.ofMinutes(60));
    assertThat(Notification.delay(8, base, cap)).as("capped").isEqualTo(cap);
    assertThat(Notification.delay(1_000, base, cap)).as("no overflow").isEqualTo(cap);
  }
}
