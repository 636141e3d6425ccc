package it.sportello.ticket.application;

import it.sportello.shared.ConflictException;
import it.sportello.ticket.domain.Ticket;
import java.util.Set;

/**
 * Who changes a ticket's identity or classification (link, merge, reclassify), with the groups that
 * say which tickets they may change: supervisors any; level-1 operators the tickets at level 1;
 * level-2 and level-3 operators the tickets at level 2 (or beyond).
 */
public record TicketActor(String name, Set<String> groups) {

  public static final String LEVEL1 = "level1";
  public static final String LEVEL2 = "level2";
  public static final String LEVEL3 = "level3";
  public static final String SUPERVISOR = "supervisor";

  public boolean isSupervisor() {
    return groups.contains(SUPERVISOR);
  }

  public boolean mayChange(Ticket ticket) {
    if (isSupervisor()) {
      return true;
    }
    if (ticket.getCurrentLevel() <= 1) {
      return groups.contains(LEVEL1);
    }
    return groups.contains(LEVEL2) || groups.contains(LEVEL3);
  }

  /**
   * @throws ConflictException 403 if the actor may not change the ticket
   */
  void requireMayChange(Ticket ticket) {
    if (!mayChange(ticket)) {
      throw new ConflictException(
          403,
          "Ticket "
              + ticket.getNumber()
              + " is at level "
              + ticket.getCurrentLevel()
              + ": only its level's operators or a supervisor may change it.");
    }
  }
}
