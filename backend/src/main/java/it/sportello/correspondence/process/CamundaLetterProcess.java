package it.sportello.correspondence.process;

import static it.sportello.processes.ProcedureProcesses.Variables.*;

import it.sportello.correspondence.LetterProcessPort;
import it.sportello.processes.ProcedureProcesses;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts the {@code correspondence} process; the protocol number is the business key. */
@Component
class CamundaLetterProcess implements LetterProcessPort {

  private final RuntimeService runtimeService;

  CamundaLetterProcess(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void start(String protocolNumber, String office, Instant answerDueAt, Instant reminderAt) {
    runtimeService.startProcessInstanceByKey(
        ProcedureProcesses.CORRESPONDENCE_PROCESS_KEY,
        protocolNumber,
        Map.of(
            OFFICE, office,
            ANSWER_DUE_AT, Date.from(answerDueAt),
            ANSWER_REMINDER_AT, Date.from(reminderAt)));
  }
}
