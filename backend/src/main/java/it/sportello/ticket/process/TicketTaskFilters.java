package it.sportello.ticket.process;

import it.sportello.processes.TicketProcess.Variables;
import it.sportello.ticket.domain.Channel;
import it.sportello.ticket.domain.TicketType;
import java.util.HashMap;
import java.util.Map;

/**
 * The ticket's side of an inbox filter: which process variables select the tasks of a queue, type,
 * channel, language or priority. The variables' names are the engine adapter's business; the web
 * layer passes the values only.
 */
public final class TicketTaskFilters {

  private TicketTaskFilters() {}

  /** The variables a ticket task must carry; a null value does not filter. */
  public static Map<String, Object> variables(
      String queue, TicketType type, Channel channel, String language, Integer priority) {
    Map<String, Object> variables = new HashMap<>();
    if (queue != null) variables.put(Variables.QUEUE, queue);
    if (type != null) variables.put(Variables.TICKET_TYPE, type.name());
    if (channel != null) variables.put(Variables.CHANNEL, channel.name());
    if (language != null) variables.put(Variables.LANGUAGE, language);
    if (priority != null) variables.put(Variables.PRIORITY, priority);
    return variables;
  }
}
