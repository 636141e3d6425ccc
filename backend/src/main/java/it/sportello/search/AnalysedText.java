package it.sportello.search;

import java.util.List;

/**
 * One field of an article as the index's Italian chain reads it ({@link ItalianTerms}): the {@link
 * Vocabulary} numbers of its stems and their positions, in order. Two arrays of ints: an article of
 * a thousand words costs 8 KB in the second stage's cache ({@link AnalysedArticles}).
 */
record AnalysedText(int[] words, int[] positions) {

  static final AnalysedText EMPTY = new AnalysedText(new int[0], new int[0]);

  static AnalysedText of(String text, Vocabulary vocabulary) {
    return of(text, "it", vocabulary);
  }

  /** The text in its language's analysis ({@link LanguageTerms}). */
  static AnalysedText of(String text, String language, Vocabulary vocabulary) {
    List<ItalianTerms.Term> terms = LanguageTerms.of(language, text);
    if (terms.isEmpty()) {
      return EMPTY;
    }
    int[] words = new int[terms.size()];
    int[] positions = new int[terms.size()];
    for (int i = 0; i < words.length; i++) {
      words[i] = vocabulary.intern(terms.get(i).stem());
      positions[i] = terms.get(i).position();
    }
    return new AnalysedText(words, positions);
  }

  int size() {
    return words.length;
  }
}
