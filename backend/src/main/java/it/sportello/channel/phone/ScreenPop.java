package it.sportello.channel.phone;

import java.time.Instant;
import java.util.List;

/**
 * What the operator's screen shows when a call is offered to, answered by or transferred to them:
 * the caller if known, channel, queue, time waited, the caller's open tickets and latest contacts.
 *
 * @param reason OFFERED, ANSWERED or TRANSFERRED
 * @param ticketNumber the ticket the call already belongs to (a transfer carries it), if any
 * @param callers contacts registered with the caller's number (several: a shared number)
 */
public record ScreenPop(
    String agent,
    String reason,
    String callId,
    String channel,
    String queue,
    String callerNumber,
    Caller caller,
    int callersWithNumber,
    long waitedSeconds,
    Instant offeredAt,
    String ticketNumber,
    List<OpenTicket> openTickets,
    List<HistoryItem> history) {

  public record Caller(long id, String name, String fiscalCode, String email) {}

  public record OpenTicket(String number, String subject, String status, Instant receivedAt) {}

  public record HistoryItem(
      Instant occurredAt, String channel, String kind, String summary, String ticketNumber) {}
}
