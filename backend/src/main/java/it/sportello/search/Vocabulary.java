package it.sportello.search;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stems of the indexed articles, each with a small number: the second stage keeps the
 * candidates' analysed words as numbers ({@link AnalysedText}), a few bytes a word instead of a
 * string each. Only the articles' words get a number; a question's word that no article holds has
 * none ({@link #find}), so searches never make the vocabulary grow.
 */
final class Vocabulary {

  /** What {@link #find} answers for a word that no analysed article holds. */
  static final int UNKNOWN = -1;

  private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();

  /** The word's number, given now if it has none. */
  int intern(String stem) {
    return ids.computeIfAbsent(stem, word -> next.getAndIncrement());
  }

  /** The word's number, or {@link #UNKNOWN}. */
  int find(String stem) {
    return ids.getOrDefault(stem, UNKNOWN);
  }

  int size() {
    return ids.size();
  }
}
