package it.sportello.channel.phone;

import java.time.Duration;
import java.time.Instant;

/** Starts the {@code callback} process (implemented on the engine in {@code process}). */
public interface CallbackProcessPort {

  /** Starts a call-back to be placed at once. */
  default void start(
      long callbackId, String ticketNumber, String requestedBy, Duration retryDelay) {
    start(callbackId, ticketNumber, requestedBy, retryDelay, null);
  }

  /**
   * Starts a call-back; with an {@code appointmentAt} the first call waits for it.
   *
   * @param requestedBy who records the outcome (the task's assignee), or null: level 1 and 2
   */
  void start(
      long callbackId,
      String ticketNumber,
      String requestedBy,
      Duration retryDelay,
      Instant appointmentAt);
}
