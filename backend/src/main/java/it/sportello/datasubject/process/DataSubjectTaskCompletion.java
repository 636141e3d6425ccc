package it.sportello.datasubject.process;

import it.sportello.processes.DataSubjectRequestProcess;
import it.sportello.processes.DataSubjectRequestProcess.Elements;
import it.sportello.processes.DataSubjectRequestProcess.Variables;
import it.sportello.worklist.Completion;
import it.sportello.worklist.TaskCompletionHandler;
import it.sportello.worklist.WorkItem;
import it.sportello.worklist.Worker;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The officer's "answer the data subject" from the worklist: records who answered. */
@Component
class DataSubjectTaskCompletion implements TaskCompletionHandler {

  @Override
  public boolean supports(WorkItem task) {
    return DataSubjectRequestProcess.PROCESS_KEY.equals(task.processKey())
        && Elements.ANSWER_DATA_SUBJECT.equals(task.taskKey());
  }

  @Override
  public Completion prepare(WorkItem task, Map<String, String> form) {
    return new Completion(Map.of(), Map.of());
  }

  @Override
  public Completion prepare(WorkItem task, Worker worker, Map<String, String> form) {
    return new Completion(Map.of(Variables.ANSWERED_BY, worker.userId()), Map.of());
  }
}
