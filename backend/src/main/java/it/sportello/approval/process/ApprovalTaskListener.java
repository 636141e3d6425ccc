package it.sportello.approval.process;

import static it.sportello.processes.ProcedureProcesses.Variables.*;

import it.sportello.approval.Approvals;
import it.sportello.platform.process.TaskActors;
import it.sportello.platform.process.TaskVariables;
import it.sportello.processes.ProcedureProcesses.Beans;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records the approver's decision when the approval task completes, validated again (four eyes,
 * unchanged document), so that Camunda's Tasklist and {@code /engine-rest} obey the same rules as
 * our API.
 */
@Component(Beans.APPROVAL_TASK_LISTENER)
class ApprovalTaskListener implements TaskListener {

  static final String COMMENTS = "comments";

  private final Approvals approvals;

  ApprovalTaskListener(Approvals approvals) {
    this.approvals = approvals;
  }

  @Override
  public void notify(DelegateTask task) {
    approvals.decide(
        TaskVariables.number(task, APPROVAL_ID),
        TaskActors.decidedBy(task),
        TaskVariables.text(task, APPROVAL_DECISION),
        TaskVariables.text(task, COMMENTS));
  }
}
