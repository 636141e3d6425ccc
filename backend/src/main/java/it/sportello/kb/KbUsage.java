package it.sportello.kb;

import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KB usage log: article reads, searches and opinions ("was this helpful?"), one appended row
 * each, for the KB usage report (weak articles, gaps, areas of most interest). Reads and searches
 * are recorded beside the answer: one insert without lookups, and a failure is logged and
 * swallowed, never failing the reader. Citizens are recorded without any personal data: no user, no
 * address, and the searched text stripped of what looks like an e-mail, a fiscal code or a phone
 * number ({@link UsageText}).
 */
@Service
public class KbUsage {

  /** The longest comment kept with an opinion. */
  public static final int MAX_COMMENT = 1000;

  private static final Logger log = LoggerFactory.getLogger(KbUsage.class);

  private final JdbcClient jdbc;
  private final Clock clock;

  KbUsage(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A published article was read; {@code userId} null for citizens. Never throws. */
  public void viewed(Article article, UsageSide side, String userId) {
    if (article.status() != ArticleStatus.PUBLISHED) {
      return; // authors and reviewers working on a draft are not readers
    }
    try {
      jdbc.sql(
              "insert into sportello.kb_view (occurred_at, article_id, version, side, user_id)"
                  + " values (?, ?, ?, ?, ?)")
          .params(now(), article.id(), article.version(), side.name(), user(side, userId))
          .update();
    } catch (RuntimeException e) {
      log.warn("KB view of article {} not recorded: {}", article.id(), e.toString());
    }
  }

  /** A search answered with {@code results} articles in all. Never throws. */
  public void searched(String text, String language, long results, UsageSide side, String userId) {
    searched(text, language, results, side, userId, null);
  }

  /**
   * A search answered with {@code results} articles in all, made while working on {@code
   * ticketNumber} (null if not). Never throws.
   *
   * @return the search's id in the usage log, for {@link #followed}; null if it was not recorded
   */
  public Long searched(
      String text,
      String language,
      long results,
      UsageSide side,
      String userId,
      String ticketNumber) {
    try {
      return jdbc.sql(
              "insert into sportello.kb_search (occurred_at, query, language, results, side,"
                  + " user_id, ticket_number) values (?, ?, ?, ?, ?, ?, ?) returning id")
          .params(
              now(),
              UsageText.query(text),
              language == null || language.isBlank() ? "it" : language.strip(),
              results,
              side.name(),
              user(side, userId),
              ticketNumber)
          .query(Long.class)
          .single();
    } catch (RuntimeException e) {
      log.warn("KB search not recorded: {}", e.toString());
      return null;
    }
  }

  /**
   * A result of the search was opened or used: the search found what was looked for (not a gap).
   * Never throws.
   */
  public void followed(long searchId) {
    try {
      jdbc.sql("update sportello.kb_search set followed = true where id = ? and not followed")
          .param(searchId)
          .update();
    } catch (RuntimeException e) {
      log.warn("KB search {} not marked as followed: {}", searchId, e.toString());
    }
  }

  /**
   * An opinion on the version of the article the reader saw. An operator has one opinion per
   * article version (a second replaces the first, so a retried request changes nothing); citizens'
   * opinions are anonymous and each one counts. In the caller's transaction if there is one (never
   * a second connection while the caller holds one).
   */
  @Transactional
  public void feedback(
      Article article, UsageSide side, String userId, boolean helpful, String comment) {
    String note = comment == null || comment.isBlank() ? null : comment.strip();
    if (side == UsageSide.INTERNAL && userId != null) {
      jdbc.sql(
              """
              insert into sportello.kb_feedback
                (occurred_at, article_id, version, side, user_id, helpful, comment)
              values (?, ?, ?, 'INTERNAL', ?, ?, ?)
              on conflict (article_id, version, user_id) where user_id is not null
              do update set occurred_at = excluded.occurred_at, helpful = excluded.helpful,
                            comment = excluded.comment""")
          .params(now(), article.id(), article.version(), userId, helpful, note)
          .update();
    } else {
      jdbc.sql(
              "insert into sportello.kb_feedback (occurred_at, article_id, version, side, helpful,"
                  + " comment) values (?, ?, ?, 'PUBLIC', ?, ?)")
          .params(now(), article.id(), article.version(), helpful, note)
          .update();
    }
  }

  /**
   * A citizen about to write a web request said a public article solved the problem: a contact
   * deflected. The subject typed so far is kept stripped of personal data as searched text is.
   */
  @Transactional
  public void deflected(Article article, String subject) {
    String text = subject == null || subject.isBlank() ? null : UsageText.query(subject);
    jdbc.sql(
            "insert into sportello.kb_deflection (occurred_at, article_id, subject) values (?, ?,"
                + " ?)")
        .params(now(), article.id(), text)
        .update();
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  private static String user(UsageSide side, String userId) {
    return side == UsageSide.INTERNAL ? userId : null;
  }
}
