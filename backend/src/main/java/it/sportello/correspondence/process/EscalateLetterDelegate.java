package it.sportello.correspondence.process;

import it.sportello.correspondence.Letters;
import it.sportello.processes.ProcedureProcesses.Beans;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The answer is overdue: escalated. */
@Component(Beans.ESCALATE_LETTER)
class EscalateLetterDelegate implements JavaDelegate {

  private final Letters letters;

  EscalateLetterDelegate(Letters letters) {
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    letters.escalateOverdue(execution.getProcessBusinessKey());
  }
}
