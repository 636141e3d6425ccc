package it.sportello.search;

import java.util.Set;

/**
 * A search by a caller who may see these audiences, and ROLES documents of these groups.
 *
 * @param topic only documents of this topic (a facet the caller picked); optional
 */
public record SearchQuery(
    String text,
    String language,
    Set<String> audiences,
    Set<String> groups,
    String topic,
    int size) {

  public SearchQuery {
    audiences = Set.copyOf(audiences);
    groups = Set.copyOf(groups);
  }
}
