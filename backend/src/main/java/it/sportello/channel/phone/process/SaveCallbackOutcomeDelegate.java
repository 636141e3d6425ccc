package it.sportello.channel.phone.process;

import static it.sportello.processes.CallbackProcess.Variables.*;

import it.sportello.channel.phone.Callbacks;
import it.sportello.platform.process.TaskVariables;
import it.sportello.processes.CallbackProcess.Beans;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the attempt's outcome (with the operator's note, a transient variable). */
@Component(Beans.SAVE_OUTCOME)
class SaveCallbackOutcomeDelegate implements JavaDelegate {

  private final Callbacks callbacks;

  SaveCallbackOutcomeDelegate(Callbacks callbacks) {
    this.callbacks = callbacks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String operator = TaskVariables.text(execution, RECORDED_BY);
    boolean attemptsLeft =
        callbacks.recordOutcome(
            TaskVariables.number(execution, CALLBACK_ID),
            TaskVariables.text(execution, CALLBACK_OUTCOME),
            TaskVariables.text(execution, NOTE),
            operator != null ? operator : TaskVariables.text(execution, REQUESTED_BY));
    execution.setVariable(ATTEMPTS_LEFT, attemptsLeft);
    execution.removeVariable(NOTE);
  }
}
