package it.sportello;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Classifications made for one test: a topic of the knowledge base's tree and a reason under it.
 */
public final class TestCategories {

  private TestCategories() {}

  /** A topic's code and the code of the reason under it. */
  public record Classification(String topic, String reason) {}

  /** A new topic ("Tributi") with a new reason ("TARI") under it. */
  public static Classification create(JdbcTemplate jdbc) {
    String topic = "topic-" + UUID.randomUUID();
    String reason = "reason-" + UUID.randomUUID();
    long topicId =
        jdbc.queryForObject(
            "insert into sportello.kb_category (code, name, depth) values (?, 'Tributi', 1)"
                + " returning id",
            Long.class,
            topic);
    jdbc.update(
        "insert into sportello.kb_category (parent_id, code, name, depth) values (?, ?, 'TARI', 2)",
        topicId,
        reason);
    return new Classification(topic, reason);
  }
}
