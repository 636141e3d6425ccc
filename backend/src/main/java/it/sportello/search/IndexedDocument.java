package it.sportello.search;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the search index: a source object (e.g. an article) in one language.
 *
 * @param sourceId the id of the object in its module's tables
 * @param audience who may find it (PUBLIC, FRONT_OFFICE, BACK_OFFICE, ROLES)
 * @param roles the groups that may find it when the audience is ROLES
 * @param topic the code of the top of its classification (a facet)
 * @param learnedText query text learned from the tickets the object answered (index field {@code
 *     learned_text}); empty when none
 */
public record IndexedDocument(
    long sourceId,
    String language,
    String title,
    String summary,
    String body,
    List<String> tags,
    String audience,
    List<String> roles,
    String category,
    String topic,
    Instant updatedAt,
    String learnedText) {

  /** The index id: idempotent, the same object in the same language always lands on one entry. */
  public String indexId() {
    return sourceId + "-" + language;
  }
}
