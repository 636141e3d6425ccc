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

  /**
   * The ticket was merged into another: its process closes it as a duplicate (its open tasks end,
   * its SLA timers stop). @return whether a running process took the message
   */
  boolean mergedAsDuplicate(String ticketNumber);

  /**
   * The SLA policy the classification decision gives for these inputs, or empty if it gives none.
   */
  java.util.Optional<String> slaPolicyFor(
      String ticketType, String topic, String channel, String language);

  /**
   * The ticket was reclassified: the process's queue, priority, back-office group and (when not
   * null) deadlines change; the SLA timers are re-evaluated on the new deadlines, the open tasks
   * get the new due dates and, if the groups changed, the new candidate groups.
   */
  void reclassified(
      String ticketNumber,
      String queue,
      String backOfficeGroup,
      int priority,
      it.sportello.sla.SlaTargets targets);
}
