package it.sportello.kb.process;

import it.sportello.kb.Article;
import it.sportello.kb.Publication;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What the delegates of {@code kb-publication} share: each reads the article id from the business
 * key and calls one step of {@link Publication}.
 */
final class KbDelegates {

  /** Scheduled reviews open at the start of the working day. */
  private static final LocalTime REVIEW_TIME = LocalTime.of(8, 0);

  static long articleId(DelegateExecution execution) {
    return Article.idOfKey(execution.getProcessBusinessKey());
  }

  static Date reviewDueAt(LocalDate date, ZoneId zone) {
    return Date.from(date.atTime(REVIEW_TIME).atZone(zone).toInstant());
  }

  private KbDelegates() {}
}
