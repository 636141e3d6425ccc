package it.sportello.distribution;

import java.time.Instant;
import java.util.Map;

/**
 * An available operator who may be offered an item.
 *
 * @param idleSince since when the operator has had nothing to do (became available or finished)
 * @param lastOfferAt when the operator was last offered an item, null if never (FIFO's turn)
 * @param languages proficiency (1-5) per language
 * @param topics proficiency (1-5) per topic
 */
public record Candidate(
    String operator,
    Instant idleSince,
    Instant lastOfferAt,
    Map<String, Integer> languages,
    Map<String, Integer> topics) {

  public Candidate {
    languages = Map.copyOf(languages);
    topics = Map.copyOf(topics);
  }

  /**
   * How well the operator fits the item: -1 if the item has a language the operator does not speak;
   * otherwise language proficiency times 10 plus topic proficiency.
   */
  int match(QueueItem item) {
    int language = item.language() == null ? 1 : languages.getOrDefault(item.language(), 0);
    if (language == 0) {
      return -1;
    }
    int topic = item.topic() == null ? 0 : topics.getOrDefault(item.topic(), 0);
    return language * 10 + topic;
  }
}
