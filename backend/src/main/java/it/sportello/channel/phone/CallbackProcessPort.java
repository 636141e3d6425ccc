package it.sportello.channel.phone;

import java.time.Duration;

/** Starts the {@code callback} process (implemented on the engine in {@code process}). */
public interface CallbackProcessPort {

  void start(long callbackId, String ticketNumber, String requestedBy, Duration retryDelay);
}
