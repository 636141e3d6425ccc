package it.sportello.complaint.process;

import static it.sportello.processes.ProcedureProcesses.Variables.*;

import it.sportello.complaint.ComplaintProcessPort;
import it.sportello.processes.ProcedureProcesses;
import it.sportello.processes.ProcedureProcesses.Messages;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts and feeds the {@code complaint} process; the case number is the business key. */
@Component
class CamundaComplaintProcess implements ComplaintProcessPort {

  private final RuntimeService runtimeService;

  CamundaComplaintProcess(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void start(String caseNumber, Instant checkDueAt, Instant checkFollowUpAt) {
    runtimeService.startProcessInstanceByKey(
        ProcedureProcesses.COMPLAINT_PROCESS_KEY,
        caseNumber,
        Map.of(
            CHECK_DUE_AT, Date.from(checkDueAt), CHECK_FOLLOW_UP_AT, Date.from(checkFollowUpAt)));
  }

  @Override
  public boolean supplierReplied(String caseNumber) {
    return !runtimeService
        .createMessageCorrelation(Messages.SUPPLIER_REPLIED)
        .processInstanceBusinessKey(caseNumber)
        .correlateAllWithResult()
        .isEmpty();
  }
}
