package it.sportello.search;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The second stage of the Italian search: the first pass's best {@link #WINDOW} candidates
 * re-ordered by
 *
 * <pre>
 *   score / best first-pass score  +  {@link #WEIGHT} × best passage
 * </pre>
 *
 * where the best passage is the largest share of the question's words that one stretch of {@link
 * #SPAN} consecutive positions of one field (title, summary, body, learned text) holds, each word
 * weighted by its rarity among the candidates (BM25's idf over the candidate set). BM25 scores each
 * word where it appears in the whole document; an answer tends to hold the question's words
 * together, in one sentence.
 *
 * <p>Learned on the development sets (docs/knowledge-base.md, "Knowledge-base search evaluation"):
 * a grid over this feature, the share of the question's words anywhere in the document, and word
 * pairs of the question kept adjacent; only the passage feature helped on the QA set without
 * costing anything on the FAQ set or the own collection, and its weight is the smallest of the flat
 * stretch of that grid (0.2–0.3) where it helped on all three.
 */
final class PassageReranker {

  /** How many of the first pass's results are re-ordered. */
  static final int WINDOW = 50;

  /** The passage's length, in positions (stop words count). */
  static final int SPAN = 20;

  static final double WEIGHT = 0.25;

  /** A first-pass result: its score and its fields' analysed words. */
  record Candidate(double score, List<AnalysedText> fields) {}

  private PassageReranker() {}

  /**
   * The candidates' second-stage scores, in the candidates' order.
   *
   * @param vocabulary the numbers of the words in the candidates' fields
   */
  static double[] scores(String question, List<Candidate> candidates, Vocabulary vocabulary) {
    return scores(question, "it", candidates, vocabulary);
  }

  /**
   * The same for a question and candidates in this language ({@link LanguageTerms}).
   *
   * @param vocabulary the numbers of the words in the candidates' fields
   */
  static double[] scores(
      String question, String language, List<Candidate> candidates, Vocabulary vocabulary) {
    double[] scores = new double[candidates.size()];
    double best = 0;
    for (Candidate candidate : candidates) {
      best = Math.max(best, candidate.score());
    }
    Set<String> stems = new LinkedHashSet<>();
    LanguageTerms.of(language, question).forEach(term -> stems.add(term.stem()));
    // the question's words that some article holds, sorted (a binary search per word read);
    // the others count in the total below with the idf of a word no candidate holds
    int[] words =
        stems.stream().mapToInt(vocabulary::find).filter(id -> id >= 0).sorted().toArray();
    int unknown = stems.size() - words.length;
    int[] documentFrequency = new int[words.length];
    boolean[] seen = new boolean[words.length];
    for (Candidate candidate : candidates) {
      Arrays.fill(seen, false);
      for (AnalysedText field : candidate.fields()) {
        for (int word : field.words()) {
          int index = Arrays.binarySearch(words, word);
          if (index >= 0) {
            seen[index] = true;
          }
        }
      }
      for (int i = 0; i < seen.length; i++) {
        documentFrequency[i] += seen[i] ? 1 : 0;
      }
    }
    double[] idf = new double[words.length];
    double total = unknown * idf(candidates.size(), 0);
    for (int i = 0; i < words.length; i++) {
      idf[i] = idf(candidates.size(), documentFrequency[i]);
      total += idf[i];
    }
    for (int i = 0; i < scores.length; i++) {
      double first = best > 0 ? candidates.get(i).score() / best : 0;
      double passage = 0;
      if (total > 0) {
        for (AnalysedText field : candidates.get(i).fields()) {
          passage = Math.max(passage, bestPassage(field, words, idf) / total);
        }
      }
      scores[i] = first + WEIGHT * passage;
    }
    return scores;
  }

  /** BM25's idf of a word that {@code df} of {@code n} candidates hold. */
  private static double idf(int n, int df) {
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * The largest idf-weighted sum of distinct question words within {@link #SPAN} positions of one
   * field.
   *
   * @param words the question's word numbers, sorted
   * @param idf their weights, in the same order
   */
  static double bestPassage(AnalysedText field, int[] words, double[] idf) {
    int[] inWindow = new int[words.length];
    int[] window = new int[field.size()]; // the question's words met, as indexes into words
    int[] at = new int[field.size()]; // and their positions
    int met = 0;
    int start = 0;
    double sum = 0;
    double best = 0;
    for (int i = 0; i < field.size(); i++) {
      int index = Arrays.binarySearch(words, field.words()[i]);
      if (index < 0) {
        continue;
      }
      int position = field.positions()[i];
      while (position - at[start] >= SPAN && start < met) {
        int leaving = window[start++];
        if (--inWindow[leaving] == 0) {
          sum -= idf[leaving];
        }
      }
      window[met] = index;
      at[met++] = position;
      if (++inWindow[index] == 1) {
        sum += idf[index];
      }
      best = Math.max(best, sum);
    }
    return best;
  }
}
