package it.sportello.kb.process;

import it.sportello.kb.Article;
import it.sportello.kb.Publication;
import it.sportello.processes.KbPublicationProcess.Beans;
import it.sportello.processes.KbPublicationProcess.Variables;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of {@code kb-publication}: each reads the article id from the business key and
 * calls one step of {@link Publication}.
 */
@Configuration(proxyBeanMethods = false)
class KbDelegates {

  /** Scheduled reviews open at the start of the working day. */
  private static final LocalTime REVIEW_TIME = LocalTime.of(8, 0);

  static long articleId(DelegateExecution execution) {
    return Article.idOfKey(execution.getProcessBusinessKey());
  }

  static Date reviewDueAt(LocalDate date, ZoneId zone) {
    return Date.from(date.atTime(REVIEW_TIME).atZone(zone).toInstant());
  }

  @Bean(Beans.SUBMIT)
  JavaDelegate submitArticleDelegate(Publication publication) {
    return execution -> publication.submitted(articleId(execution));
  }

  @Bean(Beans.SEND_BACK)
  JavaDelegate sendBackArticleDelegate(Publication publication) {
    return execution -> publication.sentBack(articleId(execution));
  }

  @Bean(Beans.PUBLISH)
  JavaDelegate publishArticleDelegate(Publication publication) {
    return execution ->
        execution.setVariable(
            Variables.REVIEW_DUE_AT,
            reviewDueAt(publication.publish(articleId(execution)), publication.zone()));
  }

  @Bean(Beans.NOTIFY)
  JavaDelegate notifyPublicationDelegate(Publication publication) {
    return execution -> publication.notifyPublished(articleId(execution));
  }

  @Bean(Beans.CONFIRM_VALIDITY)
  JavaDelegate confirmValidityDelegate(Publication publication) {
    return execution ->
        execution.setVariable(
            Variables.REVIEW_DUE_AT,
            reviewDueAt(
                publication.confirmValidity(articleId(execution), null), publication.zone()));
  }

  @Bean(Beans.REOPEN)
  JavaDelegate reopenArticleDelegate(Publication publication) {
    return execution -> publication.reopen(articleId(execution));
  }

  @Bean(Beans.WITHDRAW)
  JavaDelegate withdrawArticleDelegate(Publication publication) {
    return execution -> publication.withdraw(articleId(execution));
  }

  @Bean(Beans.ARCHIVE)
  JavaDelegate archiveArticleDelegate(Publication publication) {
    return execution -> publication.archive(articleId(execution));
  }
}
