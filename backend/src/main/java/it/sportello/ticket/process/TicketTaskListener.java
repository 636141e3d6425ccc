package it.sportello.ticket.process;

import static it.sportello.ticket.process.TicketSteps.*;

import it.sportello.platform.process.TaskActors;
import it.sportello.platform.process.TaskVariables;
import it.sportello.processes.TicketProcess.Beans;
import it.sportello.processes.TicketProcess.Variables;
import it.sportello.ticket.application.TaskDecision;
import it.sportello.ticket.application.TicketStep;
import it.sportello.ticket.application.TicketWork;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On every ticket task: a claim takes the ticket in charge; a completion records the decision on
 * the ticket (validated again, so Camunda's Tasklist and {@code /engine-rest} obey the same rules
 * as our API) and tells the process which level now handles it.
 */
@Component(Beans.TASK_LISTENER)
class TicketTaskListener implements TaskListener {

  private final TicketWork work;

  TicketTaskListener(TicketWork work) {
    this.work = work;
  }

  @Override
  public void notify(DelegateTask task) {
    String number = task.getExecution().getProcessBusinessKey();
    TicketStep step =
        TicketSteps.of(task.getTaskDefinitionKey())
            .orElseThrow(
                () ->
                    new IllegalStateException("Not a ticket task: " + task.getTaskDefinitionKey()));
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      if (task.getAssignee() != null) {
        work.takeInCharge(number, task.getAssignee());
      }
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    TaskDecision decision =
        new TaskDecision(
            TaskVariables.text(task, TicketSteps.decisionVariable(step)),
            TaskVariables.text(task, ANSWER),
            TaskVariables.text(task, Variables.OFFICE),
            TaskVariables.text(task, REJECTION_REASON),
            TaskVariables.text(task, SUGGESTED_OFFICE),
            TaskVariables.text(task, MISSING_DATA),
            TaskVariables.text(task, NOTE));
    int level = work.recordDecision(number, step, decision, TaskActors.decidedBy(task));
    if (step == TicketStep.LEVEL1) {
      task.getExecution().setVariable(Variables.CURRENT_LEVEL, level);
    }
  }
}
