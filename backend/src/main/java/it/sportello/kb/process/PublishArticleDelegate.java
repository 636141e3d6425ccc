package it.sportello.kb.process;

import it.sportello.kb.Publication;
import it.sportello.processes.KbPublicationProcess.Beans;
import it.sportello.processes.KbPublicationProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Publishes the article; its next review is due on the date the publication sets. */
@Component(Beans.PUBLISH)
class PublishArticleDelegate implements JavaDelegate {

  private final Publication publication;

  PublishArticleDelegate(Publication publication) {
    this.publication = publication;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(
        Variables.REVIEW_DUE_AT,
        KbDelegates.reviewDueAt(
            publication.publish(KbDelegates.articleId(execution)), publication.zone()));
  }
}
