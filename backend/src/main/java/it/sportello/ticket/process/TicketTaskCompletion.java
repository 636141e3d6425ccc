package it.sportello.ticket.process;

import static it.sportello.ticket.process.TicketSteps.*;

import it.sportello.processes.TicketProcess;
import it.sportello.processes.TicketProcess.Variables;
import it.sportello.ticket.application.StepDecision;
import it.sportello.ticket.application.TaskDecision;
import it.sportello.ticket.application.TicketStep;
import it.sportello.ticket.application.TicketWork;
import it.sportello.worklist.Completion;
import it.sportello.worklist.TaskCompletionHandler;
import it.sportello.worklist.WorkItem;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/** Completes ticket tasks from the worklist API: the ticket module validates the decision first. */
@Component
class TicketTaskCompletion implements TaskCompletionHandler {

  private static final Set<String> PROCESS_KEYS =
      Set.of(TicketProcess.PROCESS_KEY, TicketProcess.OFFICE_INVOLVEMENT_PROCESS_KEY);

  private final TicketWork work;
  private final TaskService taskService;

  TicketTaskCompletion(TicketWork work, TaskService taskService) {
    this.work = work;
    this.taskService = taskService;
  }

  /**
   * The decision, as {@code decision} (our API) or under the step's variable name (the task's
   * Camunda Form, e.g. {@code level1Decision}).
   */
  private static String decision(TicketStep step, Map<String, String> form) {
    String decision = form.get("decision");
    return decision != null ? decision : form.get(TicketSteps.decisionVariable(step));
  }

  @Override
  public boolean supports(WorkItem task) {
    return task.processKey() != null
        && PROCESS_KEYS.contains(task.processKey())
        && TicketSteps.of(task.taskKey()).isPresent();
  }

  @Override
  public Completion prepare(WorkItem task, Map<String, String> form) {
    TicketStep step = TicketSteps.of(task.taskKey()).orElseThrow();
    String office =
        step == TicketStep.OFFICE
            ? (String) taskService.getVariable(task.id(), Variables.OFFICE)
            : form.get("office");
    TaskDecision decision =
        new TaskDecision(
            decision(step, form),
            form.get(ANSWER),
            office,
            form.get(REJECTION_REASON),
            form.get(SUGGESTED_OFFICE),
            form.get(MISSING_DATA),
            form.get(NOTE));
    work.validate(task.businessKey(), step, decision);

    Map<String, Object> variables = new HashMap<>();
    variables.put(TicketSteps.decisionVariable(step), decision.decision());
    StepDecision choice = step.decision(decision.decision());
    if (choice == StepDecision.Level2.INVOLVE_OFFICE || choice == StepDecision.Level3.REASSIGN) {
      variables.put(Variables.OFFICE, office);
    }
    Map<String, String> texts = new HashMap<>();
    for (String text :
        new String[] {ANSWER, REJECTION_REASON, SUGGESTED_OFFICE, MISSING_DATA, NOTE}) {
      if (form.get(text) != null) {
        texts.put(text, form.get(text));
      }
    }
    return new Completion(variables, texts);
  }
}
