package it.sportello.ticket.process;

import static it.sportello.processes.TicketProcess.Variables.*;

import it.sportello.platform.process.TaskActors;
import it.sportello.processes.TicketProcess;
import it.sportello.processes.TicketProcess.Elements;
import it.sportello.processes.TicketProcess.Messages;
import it.sportello.ticket.application.TicketProcessPort;
import it.sportello.ticket.domain.Ticket;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Starts and feeds the {@code ticket} process; the ticket number is the business key. */
@Component
class CamundaTicketProcess implements TicketProcessPort {

  private final RuntimeService runtimeService;
  private final TaskService taskService;

  CamundaTicketProcess(RuntimeService runtimeService, TaskService taskService) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
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
  public void solveAtFirstContact(String ticketNumber, String operator, String answer) {
    Task level1 =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(ticketNumber)
            .taskDefinitionKey(Elements.LEVEL1)
            .singleResult();
    // the intake's own rule (whoever may register a contact may record it solved at once), not
    // the worklist's: the level-1 task is closed in the caller's name, who is no candidate of it
    TaskActors.asTheApplication(
        () -> {
          taskService.claim(level1.getId(), operator);
          taskService.complete(
              level1.getId(),
              Variables.createVariables()
                  .putValue(LEVEL1_DECISION, "SOLVE")
                  .putValueTyped(TicketSteps.ANSWER, Variables.stringValue(answer, true)));
        });
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
