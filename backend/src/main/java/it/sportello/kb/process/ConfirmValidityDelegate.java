package it.sportello.kb.process;

import it.sportello.kb.Publication;
import it.sportello.processes.KbPublicationProcess.Beans;
import it.sportello.processes.KbPublicationProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The article is still valid: its next review is due later. */
@Component(Beans.CONFIRM_VALIDITY)
class ConfirmValidityDelegate implements JavaDelegate {

  private final Publication publication;

  ConfirmValidityDelegate(Publication publication) {
    this.publication = publication;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(
        Variables.REVIEW_DUE_AT,
        KbDelegates.reviewDueAt(
            publication.confirmValidity(KbDelegates.articleId(execution), null),
            publication.zone()));
  }
}
