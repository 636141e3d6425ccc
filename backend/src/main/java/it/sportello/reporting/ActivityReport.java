package it.sportello.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the contact center did in a period (days in the service calendar's zone, both ends
 * included): how many requests came in and when, how they ended, how long they took, and what is
 * left open now and since when.
 *
 * @param asOf the instant the backlog was measured at
 * @param outcomes closed tickets by outcome (SOLVED, CLOSED_FOR_NO_REPLY, …)
 * @param solvedAtLevel solved tickets by the level that solved them (1, 2, 3)
 * @param chats the web chat's figures (the chats started in the period; only the queue filter
 *     applies)
 */
public record ActivityReport(
    LocalDate from,
    LocalDate to,
    Filter filter,
    Instant asOf,
    long received,
    long closed,
    List<Day> days,
    List<HourBand> hourBands,
    Map<String, Long> byChannel,
    Map<String, Long> outcomes,
    Map<Integer, Long> solvedAtLevel,
    Durations toTakeInCharge,
    Durations toResolve,
    Backlog backlog,
    ChatFigures chats) {

  /** Only the tickets of this channel, queue and type (null: any). */
  public record Filter(String channel, String queue, String type) {}

  /** Requests received and tickets closed on a day. */
  public record Day(LocalDate date, long received, long closed) {}

  /** Requests received in an hour of the day ({@code hour} 9: from 9:00 to 9:59). */
  public record HourBand(int hour, long received) {}

  /**
   * Elapsed (calendar, not working) hours from reception, over the tickets received in the period
   * that got there (so far); the SLA report measures working time.
   */
  public record Durations(long tickets, Double averageHours, Double medianHours, Double p90Hours) {}

  /**
   * The tickets open at {@link ActivityReport#asOf()} (whatever their reception date), by age.
   *
   * @param ageing open tickets by how long ago they were received: {@code <1d}, {@code 1-3d},
   *     {@code 3-7d}, {@code 7-30d}, {@code >30d}
   * @param oldestReceivedAt the reception of the oldest open ticket
   */
  public record Backlog(
      long open,
      long waitingForRequester,
      long waitingForOffice,
      Map<String, Long> ageing,
      Instant oldestReceivedAt) {}
}
