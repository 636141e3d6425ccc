package it.sportello.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The second stage's analysed candidates, kept between searches: reading fifty articles with the
 * Italian chain was most of a search's CPU (a profile of 600 questions: 45% in the analysis, 15% in
 * the re-ranking itself). An entry is one indexed version of an article ({@code index/id/version}),
 * so an update, which the node versions, or a rebuild into a new index is a new entry, never a
 * stale one. Bounded by the words it holds (8 bytes each).
 */
final class AnalysedArticles {

  /** About 64 MB of words: the 10,000 articles of the benchmark with room to spare. */
  static final long MAX_WORDS = 8_000_000;

  private final Vocabulary vocabulary = new Vocabulary();
  private final Cache<String, List<AnalysedText>> cache;

  AnalysedArticles(long maxWords) {
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxWords)
            .weigher((String key, List<AnalysedText> fields) -> weight(fields))
            .build();
  }

  static String key(String index, String id, long version) {
    return index + "/" + id + "/" + version;
  }

  Vocabulary vocabulary() {
    return vocabulary;
  }

  /** The analysed fields of the articles under these keys that are kept; the others are absent. */
  Map<String, List<AnalysedText>> present(List<String> keys) {
    return cache.getAllPresent(keys);
  }

  /** These Italian texts analysed, kept under {@code key}. */
  List<AnalysedText> analyse(String key, List<String> texts) {
    return analyse(key, "it", texts);
  }

  /** These texts of an article in this language analysed, kept under {@code key}. */
  List<AnalysedText> analyse(String key, String language, List<String> texts) {
    List<AnalysedText> fields = analyseIn(language, texts);
    cache.put(key, fields);
    return fields;
  }

  /** These Italian texts analysed, not kept (a question, a test). */
  List<AnalysedText> analyse(List<String> texts) {
    return analyseIn("it", texts);
  }

  private List<AnalysedText> analyseIn(String language, List<String> texts) {
    List<AnalysedText> fields = new ArrayList<>(texts.size());
    for (String text : texts) {
      fields.add(AnalysedText.of(text, language, vocabulary));
    }
    return List.copyOf(fields);
  }

  /** Runs the cache's pending evictions now (tests). */
  void cleanUp() {
    cache.cleanUp();
  }

  long size() {
    return cache.estimatedSize();
  }

  private static int weight(List<AnalysedText> fields) {
    int words = 1;
    for (AnalysedText field : fields) {
      words += field.size();
    }
    return words;
  }
}
