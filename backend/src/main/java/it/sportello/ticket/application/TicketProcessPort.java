package it.sportello.ticket.application;

import it.sportello.ticket.domain.Ticket;

/**
 * What the ticket use cases need from the process engine. Implemented in {@code ticket.process}.
 */
public interface TicketProcessPort {

  /** Starts the lifecycle of a registered ticket; classification runs before this returns. */
  void start(Ticket ticket);

  /** The operator answered at once: level 1 solves the ticket, which closes. */
  void solveAtFirstContact(String ticketNumber, String operator, String answer);

  /** Delivers a requester's message to the ticket's process if it is waiting for one. */
  boolean requesterReplied(String ticketNumber);
}
