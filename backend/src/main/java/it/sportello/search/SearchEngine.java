package it.sportello.search;

import java.util.Collection;
import java.util.List;

/**
 * The search engine, as Sportello needs it. Every call may throw {@link SearchUnavailableException}
 * when the engine cannot be reached.
 */
public interface SearchEngine {

  /** Creates the index (behind its alias) if it does not exist. */
  void ensureIndex();

  /**
   * Whether the index behind the alias has this version's analysis and fields; false when it must
   * be rebuilt (e.g. after an upgrade changed them) or does not exist.
   */
  boolean isCurrent();

  /**
   * Makes the index hold exactly these entries for these source objects: writes them (by their
   * index id, so writing twice is harmless) and removes the objects' other entries (e.g. a language
   * dropped, or an object no longer searchable, which has no entry in {@code documents}).
   */
  void replace(Collection<Long> sourceIds, List<IndexedDocument> documents);

  SearchResult search(SearchQuery query);

  /** How many entries the index holds. */
  long count();

  /**
   * Builds a new index from these batches and switches the alias to it atomically; the old index
   * answers until then.
   */
  void rebuild(Iterable<List<IndexedDocument>> batches);

  /** Whether the engine answers. */
  boolean isAvailable();
}
