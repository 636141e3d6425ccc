package it.sportello.kb.process;

import it.sportello.kb.Article;
import it.sportello.kb.Publication;
import it.sportello.processes.KbPublicationProcess;
import it.sportello.processes.KbPublicationProcess.Decisions;
import it.sportello.processes.KbPublicationProcess.Elements;
import it.sportello.processes.KbPublicationProcess.Texts;
import it.sportello.shared.InvalidRequestException;
import it.sportello.worklist.Completion;
import it.sportello.worklist.TaskCompletionHandler;
import it.sportello.worklist.WorkItem;
import it.sportello.worklist.Worker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Completes KB tasks from the worklist API (the task inbox and its forms). Four eyes on the review:
 * its authors and submitter may neither take nor decide it (a clear 409).
 */
@Component
class KbTaskCompletion implements TaskCompletionHandler {

  private static final Map<String, List<String>> ALLOWED =
      Map.of(
          Elements.WRITE_DRAFT, List.of(Decisions.SUBMIT, Decisions.DISCARD),
          Elements.REVIEW, List.of(Decisions.APPROVE, Decisions.SEND_BACK),
          Elements.CHECK_VALIDITY,
              List.of(Decisions.CONFIRM, Decisions.REVISE, Decisions.WITHDRAW));

  private final Publication publication;

  KbTaskCompletion(Publication publication) {
    this.publication = publication;
  }

  @Override
  public boolean supports(WorkItem task) {
    return KbPublicationProcess.PROCESS_KEY.equals(task.processKey())
        && ALLOWED.containsKey(task.taskKey());
  }

  /**
   * The decision as {@code decision} (our API) or under its variable name (the Camunda Form).
   *
   * @throws InvalidRequestException naming the invalid field
   */
  static String validate(String taskKey, Map<String, String> form) {
    String variable = KbTaskListener.DECISION_VARIABLES.get(taskKey);
    String decision = form.get("decision");
    if (decision == null || decision.isBlank()) {
      decision = form.get(variable);
    }
    List<String> allowed = ALLOWED.get(taskKey);
    if (decision == null || !allowed.contains(decision)) {
      throw new InvalidRequestException(variable, "one of " + allowed);
    }
    String comment = form.get(Texts.REVIEW_COMMENT);
    if (Decisions.SEND_BACK.equals(decision) && (comment == null || comment.isBlank())) {
      throw new InvalidRequestException(
          Texts.REVIEW_COMMENT, "tell the authors what to change when sending the draft back");
    }
    return decision;
  }

  @Override
  public void checkWorker(WorkItem task, String userId) {
    if (Elements.REVIEW.equals(task.taskKey())) {
      publication.checkReviewer(Article.idOfKey(task.businessKey()), userId);
    }
  }

  @Override
  public Completion prepare(WorkItem task, Worker worker, Map<String, String> form) {
    Completion completion = prepare(task, form);
    checkWorker(task, worker.userId());
    return completion;
  }

  @Override
  public Completion prepare(WorkItem task, Map<String, String> form) {
    String decision = validate(task.taskKey(), form);
    Map<String, Object> variables = new HashMap<>();
    variables.put(KbTaskListener.DECISION_VARIABLES.get(task.taskKey()), decision);
    Map<String, String> texts = new HashMap<>();
    for (String text : List.of(Texts.REVIEW_COMMENT, Texts.NOTE)) {
      if (form.get(text) != null) {
        texts.put(text, form.get(text));
      }
    }
    return new Completion(variables, texts);
  }
}
