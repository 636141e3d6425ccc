package it.sportello.complaint.process;

import static it.sportello.processes.ProcedureProcesses.Variables.*;

import it.sportello.complaint.Complaints;
import it.sportello.platform.process.TaskActors;
import it.sportello.platform.process.TaskVariables;
import it.sportello.processes.ProcedureProcesses.Beans;
import it.sportello.processes.ProcedureProcesses.Elements;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records the preliminary check and the proposed decision on the complaint when their tasks
 * complete (validated again, for Camunda's Tasklist too); the proposer is remembered as the one who
 * submitted the decision (four eyes for the manager's approval).
 */
@Component(Beans.COMPLAINT_TASK_LISTENER)
class ComplaintTaskListener implements TaskListener {

  static final String DISMISSAL_REASON = "dismissalReason";
  static final String PENALTY_AMOUNT = "penaltyAmount";
  static final String DECISION_REASONS = "decisionReasons";

  private final Complaints complaints;

  ComplaintTaskListener(Complaints complaints) {
    this.complaints = complaints;
  }

  @Override
  public void notify(DelegateTask task) {
    String number = task.getExecution().getProcessBusinessKey();
    String actor = TaskActors.decidedBy(task);
    if (Elements.CHECK_REPORT.equals(task.getTaskDefinitionKey())) {
      complaints.recordCheck(
          number,
          TaskVariables.text(task, CHECK_DECISION),
          TaskVariables.text(task, DISMISSAL_REASON),
          actor);
    } else if (Elements.EVALUATE_CASE.equals(task.getTaskDefinitionKey())) {
      complaints.proposeDecision(
          number,
          TaskVariables.text(task, COMPLAINT_DECISION),
          TaskVariables.text(task, PENALTY_AMOUNT),
          TaskVariables.text(task, DECISION_REASONS),
          actor);
      task.getExecution().setVariable(SUBMITTED_BY, actor);
    }
  }
}
