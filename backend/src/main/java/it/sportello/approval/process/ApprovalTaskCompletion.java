package it.sportello.approval.process;

import static it.sportello.processes.ProcedureProcesses.Variables.*;

import it.sportello.approval.Approvals;
import it.sportello.processes.ProcedureProcesses;
import it.sportello.processes.ProcedureProcesses.Elements;
import it.sportello.worklist.Completion;
import it.sportello.worklist.TaskCompletionHandler;
import it.sportello.worklist.WorkItem;
import it.sportello.worklist.Worker;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Approval tasks from the worklist API: four eyes is checked when the task is claimed, handed over
 * and completed (a clear 409), the decision and comments before completion (400 naming them).
 */
@Component
class ApprovalTaskCompletion implements TaskCompletionHandler {

  private final Approvals approvals;
  private final TaskService taskService;

  ApprovalTaskCompletion(Approvals approvals, TaskService taskService) {
    this.approvals = approvals;
    this.taskService = taskService;
  }

  @Override
  public boolean supports(WorkItem task) {
    return ProcedureProcesses.APPROVAL_PROCESS_KEY.equals(task.processKey())
        && Elements.DECIDE_APPROVAL.equals(task.taskKey());
  }

  @Override
  public void checkWorker(WorkItem task, String userId) {
    approvals.checkApprover(approvalId(task), userId);
  }

  @Override
  public Completion prepare(WorkItem task, Map<String, String> form) {
    throw new IllegalStateException("an approval needs the approver");
  }

  @Override
  public Completion prepare(WorkItem task, Worker worker, Map<String, String> form) {
    String decision = form.getOrDefault("decision", form.get(APPROVAL_DECISION));
    String comments = form.get(ApprovalTaskListener.COMMENTS);
    approvals.validate(approvalId(task), worker.userId(), decision, comments);
    return new Completion(
        Map.of(APPROVAL_DECISION, decision),
        comments == null ? Map.of() : Map.of(ApprovalTaskListener.COMMENTS, comments));
  }

  private long approvalId(WorkItem task) {
    return ((Number) taskService.getVariable(task.id(), APPROVAL_ID)).longValue();
  }
}
