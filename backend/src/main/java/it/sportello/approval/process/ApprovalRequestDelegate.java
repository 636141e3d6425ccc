package it.sportello.approval.process;

import static it.sportello.processes.ProcedureProcesses.Variables.*;

import it.sportello.approval.ApprovalRecord;
import it.sportello.approval.Approvals;
import it.sportello.casefile.ProceduresProperties;
import it.sportello.casefile.SubjectKind;
import it.sportello.casefile.WorkingDays;
import it.sportello.platform.process.TaskVariables;
import it.sportello.processes.ProcedureProcesses.Beans;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records which version of which document (by hash) is to be approved, and when the approval is
 * due.
 */
@Component(Beans.APPROVAL_REQUEST)
class ApprovalRequestDelegate implements JavaDelegate {

  private final Approvals approvals;
  private final WorkingDays workingDays;
  private final ProceduresProperties properties;
  private final Clock clock;

  ApprovalRequestDelegate(
      Approvals approvals, WorkingDays workingDays, ProceduresProperties properties, Clock clock) {
    this.approvals = approvals;
    this.workingDays = workingDays;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ApprovalRecord approval =
        approvals.request(
            SubjectKind.valueOf(TaskVariables.text(execution, SUBJECT_KIND)),
            execution.getProcessBusinessKey(),
            TaskVariables.text(execution, APPROVAL_STEP),
            TaskVariables.text(execution, APPROVER_GROUP),
            TaskVariables.text(execution, DOCUMENT_ROLE),
            TaskVariables.text(execution, SUBMITTED_BY));
    Instant now = clock.instant();
    Instant due = workingDays.after(now, properties.approvalWorkingDays());
    execution.setVariable(APPROVAL_ID, approval.id());
    execution.setVariable(APPROVAL_DUE_AT, Date.from(due));
    execution.setVariable(APPROVAL_FOLLOW_UP_AT, Date.from(workingDays.before(due, 1, now)));
  }
}
