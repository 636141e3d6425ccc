package it.sportello.complaint.process;

import static it.sportello.processes.ProcedureProcesses.Variables.*;

import it.sportello.complaint.Complaints;
import it.sportello.processes.ProcedureProcesses;
import it.sportello.processes.ProcedureProcesses.Elements;
import it.sportello.worklist.Completion;
import it.sportello.worklist.TaskCompletionHandler;
import it.sportello.worklist.WorkItem;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The complaint's check and evaluation from the worklist API, validated before completion. */
@Component
class ComplaintTaskCompletion implements TaskCompletionHandler {

  private final Complaints complaints;

  ComplaintTaskCompletion(Complaints complaints) {
    this.complaints = complaints;
  }

  @Override
  public boolean supports(WorkItem task) {
    return ProcedureProcesses.COMPLAINT_PROCESS_KEY.equals(task.processKey())
        && (Elements.CHECK_REPORT.equals(task.taskKey())
            || Elements.EVALUATE_CASE.equals(task.taskKey()));
  }

  @Override
  public Completion prepare(WorkItem task, Map<String, String> form) {
    Map<String, String> texts = new HashMap<>();
    if (Elements.CHECK_REPORT.equals(task.taskKey())) {
      String decision = form.getOrDefault("decision", form.get(CHECK_DECISION));
      String reason = form.get(ComplaintTaskListener.DISMISSAL_REASON);
      complaints.validateCheck(decision, reason);
      if (reason != null) {
        texts.put(ComplaintTaskListener.DISMISSAL_REASON, reason);
      }
      return new Completion(Map.of(CHECK_DECISION, decision), texts);
    }
    String decision = form.getOrDefault("decision", form.get(COMPLAINT_DECISION));
    String amount = form.get(ComplaintTaskListener.PENALTY_AMOUNT);
    String reasons = form.get(ComplaintTaskListener.DECISION_REASONS);
    complaints.validateDecision(decision, amount, reasons);
    if (amount != null) {
      texts.put(ComplaintTaskListener.PENALTY_AMOUNT, amount);
    }
    texts.put(ComplaintTaskListener.DECISION_REASONS, reasons);
    return new Completion(Map.of(COMPLAINT_DECISION, decision), texts);
  }
}
