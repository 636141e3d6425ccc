package it.sportello.channel.phone.process;

import static it.sportello.processes.CallbackProcess.Variables.*;

import it.sportello.channel.phone.CallbackProcessPort;
import it.sportello.processes.CallbackProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts the {@code callback} process; the ticket number is the business key. */
@Component
class CamundaCallbackProcess implements CallbackProcessPort {

  private final RuntimeService runtimeService;

  CamundaCallbackProcess(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void start(
      long callbackId,
      String ticketNumber,
      String requestedBy,
      Duration retryDelay,
      Instant appointmentAt) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CALLBACK_ID, callbackId);
    variables.put(REQUESTED_BY, requestedBy);
    variables.put(RETRY_DELAY, retryDelay.toString());
    if (appointmentAt != null) {
      variables.put(APPOINTMENT_AT, Date.from(appointmentAt));
    }
    runtimeService.startProcessInstanceByKey(CallbackProcess.PROCESS_KEY, ticketNumber, variables);
  }
}
