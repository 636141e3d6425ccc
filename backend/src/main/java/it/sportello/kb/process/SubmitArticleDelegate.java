package it.sportello.kb.process;

import it.sportello.kb.Publication;
import it.sportello.processes.KbPublicationProcess.Beans;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The author submitted the draft for review. */
@Component(Beans.SUBMIT)
class SubmitArticleDelegate implements JavaDelegate {

  private final Publication publication;

  SubmitArticleDelegate(Publication publication) {
    this.publication = publication;
  }

  @Override
  public void execute(DelegateExecution execution) {
    publication.submitted(KbDelegates.articleId(execution));
  }
}
