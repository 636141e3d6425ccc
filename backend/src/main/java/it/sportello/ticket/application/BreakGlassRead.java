package it.sportello.ticket.application;

/**
 * A ticket was read outside the reader's need to know, with the reason they gave (published by
 * {@link TicketQueries}; the web adapter flags the request's audit row with it).
 */
public record BreakGlassRead(String ticketNumber, String userId, String reason) {}
