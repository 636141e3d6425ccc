package it.sportello.search;

import java.util.List;

/** Implemented by the module that owns a kind of indexed object (the knowledge base: articles). */
public interface DocumentSource {

  /** The documents of the object as it must be found now; empty when it must not be found. */
  List<IndexedDocument> documents(long sourceId);

  /** The ids of the objects that must be in the index, after {@code afterId}, in id order. */
  List<Long> searchableIds(long afterId, int limit);

  /** How many documents must be in the index (for the consistency check). */
  long expectedDocuments();
}
