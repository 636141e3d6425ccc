package it.sportello.ticket.domain;

/**
 * Ticket types of the contract: question, privacy question, activity, issue, privacy activity,
 * privacy issue, bot.
 */
public enum TicketType {
  Q,
  PQ,
  A,
  I,
  PA,
  PI,
  B
}
