package it.sportello.ticket;

/**
 * A ticket was closed as solved (its answer sent to the requester), published in the closing
 * transaction: listeners that write in it (e.g. the satisfaction survey starting its process)
 * commit or roll back with the closure. Not published for tickets closed unsolved or as duplicates.
 */
public record TicketClosed(String number) {}
