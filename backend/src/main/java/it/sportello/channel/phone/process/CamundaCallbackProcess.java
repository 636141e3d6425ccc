package it.sportello.channel.phone.process;

import static it.sportello.processes.CallbackProcess.Variables.*;

import it.sportello.channel.phone.CallbackProcessPort;
import it.sportello.processes.CallbackProcess;
import java.time.Duration;
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
  public void start(long callbackId, String ticketNumber, String requestedBy, Duration retryDelay) {
    runtimeService.startProcessInstanceByKey(
        CallbackProcess.PROCESS_KEY,
        ticketNumber,
        Map.of(
            CALLBACK_ID,
            callbackId,
            REQUESTED_BY,
            requestedBy,
            RETRY_DELAY,
            retryDelay.toString()));
  }
}
