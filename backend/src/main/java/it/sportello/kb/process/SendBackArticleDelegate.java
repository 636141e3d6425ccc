package it.sportello.kb.process;

import it.sportello.kb.Publication;
import it.sportello.processes.KbPublicationProcess.Beans;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The reviewer sent the draft back to its author. */
@Component(Beans.SEND_BACK)
class SendBackArticleDelegate implements JavaDelegate {

  private final Publication publication;

  SendBackArticleDelegate(Publication publication) {
    this.publication = publication;
  }

  @Override
  public void execute(DelegateExecution execution) {
    publication.sentBack(KbDelegates.articleId(execution));
  }
}
