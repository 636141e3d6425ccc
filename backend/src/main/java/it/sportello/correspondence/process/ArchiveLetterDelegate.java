package it.sportello.correspondence.process;

import it.sportello.correspondence.Letters;
import it.sportello.processes.ProcedureProcesses.Beans;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Archives the letter once answered. */
@Component(Beans.ARCHIVE_LETTER)
class ArchiveLetterDelegate implements JavaDelegate {

  private final Letters letters;

  ArchiveLetterDelegate(Letters letters) {
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    letters.archive(execution.getProcessBusinessKey());
  }
}
