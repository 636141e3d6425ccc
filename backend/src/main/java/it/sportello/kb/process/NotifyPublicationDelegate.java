package it.sportello.kb.process;

import it.sportello.kb.Publication;
import it.sportello.processes.KbPublicationProcess.Beans;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the article's readers that it was published. */
@Component(Beans.NOTIFY)
class NotifyPublicationDelegate implements JavaDelegate {

  private final Publication publication;

  NotifyPublicationDelegate(Publication publication) {
    this.publication = publication;
  }

  @Override
  public void execute(DelegateExecution execution) {
    publication.notifyPublished(KbDelegates.articleId(execution));
  }
}
