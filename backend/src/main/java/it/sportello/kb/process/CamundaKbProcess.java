package it.sportello.kb.process;

import it.sportello.kb.Article;
import it.sportello.kb.KbProcessPort;
import it.sportello.processes.KbPublicationProcess;
import it.sportello.processes.KbPublicationProcess.Decisions;
import it.sportello.processes.KbPublicationProcess.Elements;
import it.sportello.processes.KbPublicationProcess.Messages;
import it.sportello.processes.KbPublicationProcess.Variables;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Starts and feeds {@code kb-publication}; the business key is the article's {@code KB-<id>}. */
@Component
class CamundaKbProcess implements KbProcessPort {

  private final RuntimeService runtimeService;
  private final TaskService taskService;

  CamundaKbProcess(RuntimeService runtimeService, TaskService taskService) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
  }

  @Override
  public void start(long articleId, boolean readyForReview) {
    runtimeService.startProcessInstanceByKey(
        KbPublicationProcess.PROCESS_KEY,
        Article.key(articleId),
        Map.of(Variables.READY_FOR_REVIEW, readyForReview));
  }

  @Override
  public boolean isRunning(long articleId) {
    return runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(KbPublicationProcess.PROCESS_KEY)
            .processInstanceBusinessKey(Article.key(articleId))
            .count()
        > 0;
  }

  @Override
  public boolean resubmit(long articleId, String author) {
    Task write =
        taskService
            .createTaskQuery()
            .processDefinitionKey(KbPublicationProcess.PROCESS_KEY)
            .processInstanceBusinessKey(Article.key(articleId))
            .taskDefinitionKey(Elements.WRITE_DRAFT)
            .singleResult();
    if (write == null) {
      return false;
    }
    if (write.getAssignee() == null) {
      taskService.claim(write.getId(), author);
    }
    taskService.complete(write.getId(), Map.of(Variables.AUTHOR_DECISION, Decisions.SUBMIT));
    return true;
  }

  @Override
  public boolean requestRemoval(long articleId, boolean withdraw) {
    return !runtimeService
        .createMessageCorrelation(
            withdraw ? Messages.WITHDRAWAL_REQUESTED : Messages.ARCHIVAL_REQUESTED)
        .processInstanceBusinessKey(Article.key(articleId))
        .correlateAllWithResult()
        .isEmpty();
  }
}
