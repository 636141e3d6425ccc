package it.sportello.ticket.process;

import static it.sportello.processes.TicketProcess.Variables.*;

import it.sportello.processes.TicketProcess;
import it.sportello.processes.TicketProcess.Messages;
import it.sportello.ticket.application.TicketProcessPort;
import it.sportello.ticket.domain.Ticket;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts and feeds the {@code ticket} process; the ticket number is the business key. */
@Component
class CamundaTicketProcess implements TicketProcessPort {

  private final RuntimeService runtimeService;

  CamundaTicketProcess(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void start(Ticket ticket) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(TICKET_TYPE, ticket.getType().name());
    variables.put(CHANNEL, ticket.getChannel().name());
    variables.put(TOPIC, ticket.getTopic());
    variables.put(LANGUAGE, ticket.getLanguage());
    runtimeService.startProcessInstanceByKey(
        TicketProcess.PROCESS_KEY, ticket.getNumber(), variables);
  }

  @Override
  public boolean requesterReplied(String ticketNumber) {
    return !runtimeService
        .createMessageCorrelation(Messages.REQUESTER_REPLIED)
        .processInstanceBusinessKey(ticketNumber)
        .correlateAllWithResult()
        .isEmpty();
  }
}
