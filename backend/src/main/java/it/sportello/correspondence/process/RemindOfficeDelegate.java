package it.sportello.correspondence.process;

import it.sportello.correspondence.Letters;
import it.sportello.processes.ProcedureProcesses.Beans;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the office that the answer is due. */
@Component(Beans.REMIND_OFFICE)
class RemindOfficeDelegate implements JavaDelegate {

  private final Letters letters;

  RemindOfficeDelegate(Letters letters) {
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    letters.remindOffice(execution.getProcessBusinessKey());
  }
}
