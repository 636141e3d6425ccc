package it.sportello.correspondence.process;

import it.sportello.correspondence.Letters;
import it.sportello.processes.ProcedureProcesses.Beans;
import it.sportello.processes.ProcedureProcesses.Errors;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the signed answer; a document changed since its approval goes back to approval. */
@Component(Beans.SEND_LETTER)
class SendLetterDelegate implements JavaDelegate {

  private final Letters letters;

  SendLetterDelegate(Letters letters) {
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (!letters.sendAnswer(execution.getProcessBusinessKey())) {
      throw new BpmnError(
          Errors.APPROVAL_NO_LONGER_VALID,
          "the answer changed after its approval: " + execution.getProcessBusinessKey());
    }
  }
}
