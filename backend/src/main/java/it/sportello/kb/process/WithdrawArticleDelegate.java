package it.sportello.kb.process;

import it.sportello.kb.Publication;
import it.sportello.processes.KbPublicationProcess.Beans;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The article is withdrawn from publication. */
@Component(Beans.WITHDRAW)
class WithdrawArticleDelegate implements JavaDelegate {

  private final Publication publication;

  WithdrawArticleDelegate(Publication publication) {
    this.publication = publication;
  }

  @Override
  public void execute(DelegateExecution execution) {
    publication.withdraw(KbDelegates.articleId(execution));
  }
}
