package it.sportello.datasubject.process;

import static it.sportello.processes.DataSubjectRequestProcess.Variables.*;

import it.sportello.datasubject.DataSubjectRequestPort;
import it.sportello.processes.DataSubjectRequestProcess;
import it.sportello.processes.DataSubjectRequestProcess.Elements;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Starts the {@code data-subject-request} procedure (business key DSR-id) and answers its task. */
@Component
class CamundaDataSubjectRequests implements DataSubjectRequestPort {

  private final RuntimeService runtimeService;
  private final TaskService taskService;

  CamundaDataSubjectRequests(RuntimeService runtimeService, TaskService taskService) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
  }

  static String businessKey(long requestId) {
    return "DSR-" + requestId;
  }

  @Override
  public void start(long requestId, String kind, Instant dueAt, Instant reminderAt) {
    runtimeService.startProcessInstanceByKey(
        DataSubjectRequestProcess.PROCESS_KEY,
        businessKey(requestId),
        Map.of(
            REQUEST_ID,
            requestId,
            REQUEST_KIND,
            kind,
            DUE_AT,
            Date.from(dueAt),
            REMINDER_AT,
            Date.from(reminderAt)));
  }

  @Override
  public boolean answer(long requestId, String actor) {
    Task task =
        taskService
            .createTaskQuery()
            .processDefinitionKey(DataSubjectRequestProcess.PROCESS_KEY)
            .processInstanceBusinessKey(businessKey(requestId))
            .taskDefinitionKey(Elements.ANSWER_DATA_SUBJECT)
            .singleResult();
    if (task == null) {
      return false;
    }
    taskService.complete(task.getId(), Map.of(ANSWERED_BY, actor));
    return true;
  }
}
