package it.sportello.kb;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The query text articles learned from the tickets they answered ({@code kb_learned_query}): at
 * most {@value #MAX_TICKETS} tickets per article (the most recent), indexed as one text of at most
 * {@value #MAX_INDEXED} characters, the commonest texts first, then the most recent.
 */
@Repository
class LearnedQueryTable {

  /** The tickets an article remembers; older ones are forgotten. */
  static final int MAX_TICKETS = 50;

  /** The longest learned text indexed with an article. */
  static final int MAX_INDEXED = 8000;

  private final JdbcClient jdbc;

  LearnedQueryTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Returns whether the article's learned text changed. */
  boolean learn(long articleId, String ticketNumber, String text, Instant at) {
    Timestamp now = Timestamp.from(at);
    int changed =
        jdbc.sql(
                """
                insert into sportello.kb_learned_query
                  (article_id, ticket_number, text, uses, first_at, last_at)
                values (?, ?, ?, 1, ?, ?)
                on conflict (article_id, ticket_number)
                do update set uses = kb_learned_query.uses + 1, last_at = excluded.last_at,
                              text = excluded.text""")
            .params(articleId, ticketNumber, text, now, now)
            .update();
    jdbc.sql(
            """
            delete from sportello.kb_learned_query where article_id = ? and ticket_number not in (
              select ticket_number from sportello.kb_learned_query where article_id = ?
              order by last_at desc, ticket_number desc limit ?)""")
        .params(articleId, articleId, MAX_TICKETS)
        .update();
    return changed > 0;
  }

  /** The texts, the commonest (the same words from several tickets) first, then the latest. */
  List<Learned> of(long articleId) {
    return jdbc.sql(
            """
            select ticket_number, text, uses, last_at,
                   count(*) over (partition by lower(text)) as tickets
            from sportello.kb_learned_query where article_id = ?
            order by tickets desc, last_at desc, ticket_number desc""")
        .param(articleId)
        .query(
            (row, n) ->
                new Learned(
                    row.getString(1),
                    row.getString(2),
                    row.getInt(3),
                    row.getTimestamp(4).toInstant(),
                    row.getInt(5)))
        .list();
  }

  /** The text indexed with the article: each distinct text once, in the order of {@link #of}. */
  String indexedText(long articleId) {
    StringBuilder text = new StringBuilder();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Learned learned : of(articleId)) {
      if (!seen.add(learned.text().toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      if (text.length() + learned.text().length() + 1 > MAX_INDEXED) {
        break;
      }
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append(learned.text());
    }
    return text.toString();
  }

  /**
   * What one ticket taught an article.
   *
   * @param uses how many times the article was used for that ticket
   * @param tickets how many of the article's tickets taught the same text
   */
  record Learned(String ticketNumber, String text, int uses, Instant lastAt, int tickets) {}
}
