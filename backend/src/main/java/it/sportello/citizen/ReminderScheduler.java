package it.sportello.citizen;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the reminders on every node (sending stays once: {@link Reminders}); off with {@code
 * sportello.citizen.reminders.enabled=false}.
 */
@Component
@ConditionalOnProperty(
    name = "sportello.citizen.reminders.enabled",
    havingValue = "true",
    matchIfMissing = true)
class ReminderScheduler {

  private final Reminders reminders;

  ReminderScheduler(Reminders reminders) {
    this.reminders = reminders;
  }

  @Scheduled(
      fixedDelayString = "${sportello.citizen.reminders.every:PT5M}",
      initialDelayString = "${sportello.citizen.reminders.every:PT5M}")
  void run() {
    reminders.run();
  }
}
