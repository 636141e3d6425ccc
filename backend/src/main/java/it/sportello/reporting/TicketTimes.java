package it.sportello.reporting;

import java.time.Instant;
import java.util.List;

/**
 * The timestamps of one ticket that the service levels are measured on, as read from the ticket and
 * its path.
 *
 * @param pauses the periods the SLA clock was stopped waiting for the requester, in order; the last
 *     one has no end while the ticket still waits
 */
public record TicketTimes(
    long id,
    String number,
    String channel,
    String queue,
    String type,
    String status,
    String outcome,
    Instant receivedAt,
    Instant takenInChargeAt,
    Instant resolvedAt,
    Instant closedAt,
    List<Pause> pauses) {

  public TicketTimes {
    pauses = List.copyOf(pauses);
  }

  /** A stop of the SLA clock; {@code to} is null while it lasts. */
  public record Pause(Instant from, Instant to) {}

  public boolean isClosed() {
    return "CLOSED".equals(status);
  }

  public boolean isPaused() {
    return !pauses.isEmpty() && pauses.get(pauses.size() - 1).to() == null;
  }
}
