package it.sportello.notification;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The open tasks of tickets, as notifications need them: who holds them, and a task to link to.
 * Implemented in {@code notification.process}.
 */
public interface TicketTasks {

  /** An open task of a ticket: its id, its assignee (or null) and the groups it is offered to. */
  record OpenTask(String id, String assignee, List<String> candidateGroups) {}

  List<OpenTask> openTasks(String ticketNumber);

  /**
   * The assignees of the ticket's open tasks, oldest task first, without their candidate groups:
   * one query (an escalation asks this for every timer, issue 26).
   */
  List<String> openTaskAssignees(String ticketNumber);

  /** For each of these tickets that has an open task, the id of one (the oldest). */
  Map<String, String> firstOpenTask(Collection<String> ticketNumbers);
}
