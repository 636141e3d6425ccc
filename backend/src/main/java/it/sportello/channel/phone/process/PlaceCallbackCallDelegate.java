package it.sportello.channel.phone.process;

import static it.sportello.processes.CallbackProcess.Variables.*;

import it.sportello.channel.phone.Callbacks;
import it.sportello.channel.phone.Callbacks.Placed;
import it.sportello.platform.process.TaskVariables;
import it.sportello.processes.CallbackProcess.Beans;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Places the next call-back attempt; the operator's task is due from now on the calendar. */
@Component(Beans.PLACE_CALL)
class PlaceCallbackCallDelegate implements JavaDelegate {

  private final Callbacks callbacks;

  PlaceCallbackCallDelegate(Callbacks callbacks) {
    this.callbacks = callbacks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Placed placed = callbacks.placeCall(TaskVariables.number(execution, CALLBACK_ID));
    execution.setVariable(CALLBACK_DUE_AT, Date.from(placed.dueAt()));
    execution.setVariable(CALLBACK_FOLLOW_UP_AT, Date.from(placed.followUpAt()));
  }
}
