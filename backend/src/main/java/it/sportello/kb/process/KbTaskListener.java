package it.sportello.kb.process;

import it.sportello.kb.Article;
import it.sportello.kb.Publication;
import it.sportello.platform.process.TaskActors;
import it.sportello.platform.process.TaskVariables;
import it.sportello.processes.KbPublicationProcess.Beans;
import it.sportello.processes.KbPublicationProcess.Elements;
import it.sportello.processes.KbPublicationProcess.Texts;
import it.sportello.processes.KbPublicationProcess.Variables;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of a KB task: validates the decision again (Camunda's Tasklist and {@code
 * /engine-rest} obey the same rules as our API), checks four eyes on the review (the reviewer is
 * none of the version's authors nor its submitter) and records it on the article's path with the
 * comment, who and when.
 */
@Component(Beans.TASK_LISTENER)
class KbTaskListener implements TaskListener {

  static final Map<String, String> DECISION_VARIABLES =
      Map.of(
          Elements.WRITE_DRAFT, Variables.AUTHOR_DECISION,
          Elements.REVIEW, Variables.REVIEW_DECISION,
          Elements.CHECK_VALIDITY, Variables.VALIDITY_DECISION);

  private final Publication publication;

  KbTaskListener(Publication publication) {
    this.publication = publication;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    String variable = DECISION_VARIABLES.get(task.getTaskDefinitionKey());
    Map<String, String> form =
        Map.of(
            variable,
            TaskVariables.textOrEmpty(task, variable),
            Texts.REVIEW_COMMENT,
            TaskVariables.textOrEmpty(task, Texts.REVIEW_COMMENT),
            Texts.NOTE,
            TaskVariables.textOrEmpty(task, Texts.NOTE));
    KbTaskCompletion.validate(task.getTaskDefinitionKey(), form);
    String comment =
        form.get(Texts.REVIEW_COMMENT).isBlank()
            ? form.get(Texts.NOTE)
            : form.get(Texts.REVIEW_COMMENT);
    long articleId = Article.idOfKey(task.getExecution().getProcessBusinessKey());
    String actor = TaskActors.decidedBy(task);
    if (Elements.REVIEW.equals(task.getTaskDefinitionKey())) {
      // four eyes, whatever the door (our API, the Tasklist, /engine-rest)
      publication.checkReviewer(articleId, actor);
    }
    publication.recordDecision(articleId, actor, form.get(variable), comment);
  }
}
