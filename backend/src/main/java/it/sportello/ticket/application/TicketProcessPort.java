package it.sportello.ticket.application;

import it.sportello.ticket.domain.Ticket;

/**
 * What the ticket use cases need from the process engine. Implemented in {@code ticket.process}.
 */
public interface TicketProcessPort {

  /** Starts the lifecycle of a registered ticket; classification runs before this returns. */
  void start(Ticket ticket);

  /** Delivers a requester's message to the ticket's process if it is waiting for one. */
  boolean requesterReplied(String ticketNumber);
}
