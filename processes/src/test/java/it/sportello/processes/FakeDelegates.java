package it.sportello.processes;

import static it.sportello.processes.TicketProcess.Variables.*;

import it.sportello.processes.TicketProcess.Beans;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stand-ins for the backend's delegates: they record which bean ran and set the variables the real
 * delegates set (queue, deadlines), so the tests can drive every path of the models.
 */
final class FakeDelegates {

  final List<String> calls = new ArrayList<>();
  Instant resumedResolutionDueAt = Instant.parse("2030-01-10T10:00:00Z");

  static FakeDelegates register() {
    FakeDelegates fakes = new FakeDelegates();
    Mocks.register(
        Beans.APPLY_CLASSIFICATION,
        fakes.record(
            Beans.APPLY_CLASSIFICATION,
            execution -> {
              @SuppressWarnings("unchecked")
              Map<String, Object> classification =
                  (Map<String, Object>) execution.getVariable(CLASSIFICATION);
              Instant now = ClockUtil.getCurrentTime().toInstant();
              execution.setVariable(QUEUE, classification.get("queue"));
              execution.setVariable(BACK_OFFICE_GROUP, "level2");
              execution.setVariable(CURRENT_LEVEL, 1);
              execution.setVariable(
                  TAKE_IN_CHARGE_DUE_AT, Date.from(now.plus(4, ChronoUnit.HOURS)));
              execution.setVariable(
                  TAKE_IN_CHARGE_AT_RISK_FROM, Date.from(now.plus(3, ChronoUnit.HOURS)));
              execution.setVariable(RESOLUTION_DUE_AT, Date.from(now.plus(24, ChronoUnit.HOURS)));
              execution.setVariable(
                  RESOLUTION_AT_RISK_FROM, Date.from(now.plus(18, ChronoUnit.HOURS)));
              execution.removeVariable(CLASSIFICATION);
            }));
    Mocks.register(
        Beans.REQUEST_MISSING_DATA,
        fakes.record(
            Beans.REQUEST_MISSING_DATA,
            execution -> {
              Instant now = ClockUtil.getCurrentTime().toInstant();
              execution.setVariable(REPLY_REMINDER_AT, Date.from(now.plus(3, ChronoUnit.DAYS)));
              execution.setVariable(REPLY_DEADLINE_AT, Date.from(now.plus(10, ChronoUnit.DAYS)));
            }));
    Mocks.register(
        Beans.RESUME_SLA,
        fakes.record(
            Beans.RESUME_SLA,
            execution -> {
              execution.setVariable(RESOLUTION_DUE_AT, Date.from(fakes.resumedResolutionDueAt));
              execution.setVariable(
                  RESOLUTION_AT_RISK_FROM,
                  Date.from(fakes.resumedResolutionDueAt.minus(6, ChronoUnit.HOURS)));
            }));
    for (String bean :
        List.of(
            Beans.ESCALATE_TAKE_IN_CHARGE,
            Beans.ESCALATE_RESOLUTION,
            Beans.REMIND_REQUESTER,
            Beans.CLOSE_FOR_NO_REPLY,
            Beans.CLOSE_FOR_INCOMPLETE_DATA,
            Beans.CLOSE_TICKET,
            Beans.CLOSE_AS_DUPLICATE)) {
      Mocks.register(bean, fakes.record(bean, execution -> {}));
    }
    Mocks.register(
        Beans.TASK_LISTENER,
        (TaskListener)
            task ->
                fakes.calls.add(
                    Beans.TASK_LISTENER
                        + ":"
                        + task.getEventName()
                        + ":"
                        + task.getTaskDefinitionKey()));
    return fakes;
  }

  private JavaDelegate record(String bean, JavaDelegate behaviour) {
    return execution -> {
      calls.add(bean);
      behaviour.execute(execution);
    };
  }

  long count(String bean) {
    return calls.stream().filter(bean::equals).count();
  }
}
