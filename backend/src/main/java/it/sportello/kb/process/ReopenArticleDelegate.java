package it.sportello.kb.process;

import it.sportello.kb.Publication;
import it.sportello.processes.KbPublicationProcess.Beans;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The article needs changes: a new draft opens. */
@Component(Beans.REOPEN)
class ReopenArticleDelegate implements JavaDelegate {

  private final Publication publication;

  ReopenArticleDelegate(Publication publication) {
    this.publication = publication;
  }

  @Override
  public void execute(DelegateExecution execution) {
    publication.reopen(KbDelegates.articleId(execution));
  }
}
