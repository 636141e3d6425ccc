package it.sportello.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The second stage's features on Italian text, without the search node. */
class PassageRerankerTest {

  private static final String QUESTION = "In che anno fu fondata l'università di Bologna?";

  /** The question's words in one sentence. */
  private static final String TOGETHER =
      "L'università di Bologna fu fondata nell'anno 1088. "
          + filler(30)
          + " La città conserva archivi, portici e biblioteche.";

  /** The question's words again, far apart from one another. */
  private static final String SCATTERED =
      "L'università ha molte sedi. "
          + filler(12)
          + " Bologna conserva archivi, portici e biblioteche. "
          + filler(12)
          + " La città fu fondata dagli Etruschi; ogni anno 1088 visitatori.";

  @Test
  void theQuestionsWordsTogetherOutrankTheSameWordsScattered() {
    double[] scores =
        PassageReranker.scores(
            QUESTION,
            List.of(
                new PassageReranker.Candidate(7.0, List.of("Scheda A", "", SCATTERED, "")),
                new PassageReranker.Candidate(7.0, List.of("Scheda B", "", TOGETHER, ""))));

    assertThat(scores[1]).isGreaterThan(scores[0]);
    assertThat(scores[1])
        .isEqualTo(1 + PassageReranker.WEIGHT, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void aTitleIsAPassageOfItsOwn() {
    double[] scores =
        PassageReranker.scores(
            "come pago la tari",
            List.of(
                new PassageReranker.Candidate(
                    5.0, List.of("Scadenze", "", "Si paga " + filler(25) + " la TARI", "")),
                new PassageReranker.Candidate(
                    5.0, List.of("Come si paga la TARI", "", "Informazioni " + filler(25), ""))));

    assertThat(scores[1]).isGreaterThan(scores[0]);
  }

  @Test
  void aMuchBetterFirstPassScoreIsNotOverturned() {
    double[] scores =
        PassageReranker.scores(
            QUESTION,
            List.of(
                new PassageReranker.Candidate(12.0, List.of("", "", SCATTERED, "")),
                new PassageReranker.Candidate(6.0, List.of("", "", TOGETHER, ""))));

    assertThat(scores[0])
        .as("at most WEIGHT is added to a score divided by the best")
        .isGreaterThan(scores[1]);
  }

  @Test
  void aPassageCountsEachWordOnceWeightedByItsRarity() {
    List<ItalianTerms.Term> terms =
        List.of(
            new ItalianTerms.Term("bologn", 0),
            new ItalianTerms.Term("bologn", 3),
            new ItalianTerms.Term("fond", 5),
            new ItalianTerms.Term("univers", 5 + PassageReranker.SPAN));
    Map<String, Double> idf = Map.of("bologn", 2.0, "fond", 1.0, "univers", 0.5);

    assertThat(PassageReranker.bestPassage(terms, idf)).isEqualTo(3.0);
  }

  @Test
  void aQuestionOfStopWordsOnlyKeepsTheFirstPassOrder() {
    double[] scores =
        PassageReranker.scores(
            "perché più",
            List.of(
                new PassageReranker.Candidate(4.0, List.of("", "", "Perché più", "")),
                new PassageReranker.Candidate(2.0, List.of("", "", "altro", ""))));

    assertThat(scores).containsExactly(1.0, 0.5);
  }

  @Test
  void theJvmAnalysisStemsFoldsAndDropsElisionsAndStopWords() {
    List<ItalianTerms.Term> terms =
        ItalianTerms.of("Perché l'anagrafe non rilascia più certificati?");

    assertThat(terms)
        .extracting(ItalianTerms.Term::stem)
        .containsExactlyElementsOf(stems("anagrafe rilascia certificato"));
    assertThat(terms).extracting(ItalianTerms.Term::position).containsExactly(1, 3, 5);
    assertThat(stems("città")).isEqualTo(stems("citta"));
    assertThat(stems("dell’anagrafe")).isEqualTo(stems("anagrafe"));
  }

  private static List<String> stems(String text) {
    return ItalianTerms.of(text).stream().map(ItalianTerms.Term::stem).toList();
  }

  private static String filler(int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      text.append(i % 2 == 0 ? " piazza" : " portico");
    }
    return text.toString().strip();
  }
}
