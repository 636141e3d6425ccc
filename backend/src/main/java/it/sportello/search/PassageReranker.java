package it.sportello.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

  /** A first-pass result: its score and its fields' text. */
  record Candidate(double score, List<String> fields) {}

  private PassageReranker() {}

  /** The candidates' second-stage scores, in the candidates' order. */
  static double[] scores(String question, List<Candidate> candidates) {
    double[] scores = new double[candidates.size()];
    double best = 0;
    for (Candidate candidate : candidates) {
      best = Math.max(best, candidate.score());
    }
    Set<String> words = new LinkedHashSet<>();
    ItalianTerms.of(question).forEach(term -> words.add(term.stem()));
    List<List<List<ItalianTerms.Term>>> fields = new ArrayList<>();
    Map<String, Integer> documentFrequency = new HashMap<>();
    for (Candidate candidate : candidates) {
      List<List<ItalianTerms.Term>> analysed = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (String field : candidate.fields()) {
        List<ItalianTerms.Term> terms = new ArrayList<>();
        for (ItalianTerms.Term term : ItalianTerms.of(field)) {
          if (words.contains(term.stem())) {
            terms.add(term);
            seen.add(term.stem());
          }
        }
        analysed.add(terms);
      }
      seen.forEach(word -> documentFrequency.merge(word, 1, Integer::sum));
      fields.add(analysed);
    }
    Map<String, Double> idf = new HashMap<>();
    double total = 0;
    for (String word : words) {
      int df = documentFrequency.getOrDefault(word, 0);
      double weight = Math.log(1 + (candidates.size() - df + 0.5) / (df + 0.5));
      idf.put(word, weight);
      total += weight;
    }
    for (int i = 0; i < scores.length; i++) {
      double first = best > 0 ? candidates.get(i).score() / best : 0;
      double passage = 0;
      if (total > 0) {
        for (List<ItalianTerms.Term> field : fields.get(i)) {
          passage = Math.max(passage, bestPassage(field, idf) / total);
        }
      }
      scores[i] = first + WEIGHT * passage;
    }
    return scores;
  }

  /**
   * The largest idf-weighted sum of distinct question words within {@link #SPAN} positions, over
   * the question's words of one field in position order.
   */
  static double bestPassage(List<ItalianTerms.Term> terms, Map<String, Double> idf) {
    Map<String, Integer> inWindow = new HashMap<>();
    double sum = 0;
    double best = 0;
    int start = 0;
    for (ItalianTerms.Term term : terms) {
      while (term.position() - terms.get(start).position() >= SPAN) {
        String leaving = terms.get(start++).stem();
        if (inWindow.merge(leaving, -1, Integer::sum) == 0) {
          inWindow.remove(leaving);
          sum -= idf.get(leaving);
        }
      }
      if (inWindow.merge(term.stem(), 1, Integer::sum) == 1) {
        sum += idf.get(term.stem());
      }
      best = Math.max(best, sum);
    }
    return best;
  }
}
