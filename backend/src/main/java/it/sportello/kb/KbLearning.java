package it.sportello.kb;

import it.sportello.search.SearchIndex;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learning from the work: when an operator answers a ticket with an article (inserts its answer,
 * links it, or marks it as the answer), the use is recorded, the ticket's subject and first message
 * (without the requester's personal data, {@link LearnedText}) become query text of the article,
 * and the article is queued for reindexing, so that the next ticket asking the same in the same
 * words finds it (the index field {@code learned_text}).
 */
@Service
public class KbLearning {

  private final JdbcClient jdbc;
  private final LearnedQueryTable learned;
  private final SearchIndex searchIndex;
  private final KbUsage usage;
  private final Clock clock;

  KbLearning(
      JdbcClient jdbc,
      LearnedQueryTable learned,
      SearchIndex searchIndex,
      KbUsage usage,
      Clock clock) {
    this.jdbc = jdbc;
    this.learned = learned;
    this.searchIndex = searchIndex;
    this.usage = usage;
    this.clock = clock;
  }

  /**
   * A ticket as the knowledge base learns from it.
   *
   * @param firstMessage the requester's first message (the ticket's description)
   * @param requesterNames the requester's names as the ticket knows them, removed from the text
   */
  public record SolvedTicket(
      String number, String subject, String firstMessage, List<String> requesterNames) {}

  /** What an article learned from one ticket, for the article's authors. */
  public record LearnedQuery(String ticketNumber, String text, int uses, Instant lastAt) {}

  /**
   * Records that {@code article} (published, readable by the user) answered {@code ticket}.
   *
   * @param searchId the search that found the article, if any: it is no gap
   */
  @Transactional
  public void used(
      Article article, SolvedTicket ticket, TicketUseKind kind, String userId, Long searchId) {
    Instant now = clock.instant();
    jdbc.sql(
            "insert into sportello.kb_ticket_use (occurred_at, article_id, ticket_number, kind,"
                + " user_id) values (?, ?, ?, ?, ?)")
        .params(Timestamp.from(now), article.id(), ticket.number(), kind.name(), userId)
        .update();
    String text = LearnedText.of(ticket.subject(), ticket.firstMessage(), ticket.requesterNames());
    if (!text.isBlank() && learned.learn(article.id(), ticket.number(), text, now)) {
      searchIndex.enqueue(article.id());
    }
    if (searchId != null) {
      usage.followed(searchId);
    }
  }

  /** What the article learned, the commonest and latest first. */
  public List<LearnedQuery> learned(long articleId) {
    return learned.of(articleId).stream()
        .map(l -> new LearnedQuery(l.ticketNumber(), l.text(), l.uses(), l.lastAt()))
        .toList();
  }
}
