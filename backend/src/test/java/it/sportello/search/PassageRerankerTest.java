package it.sportello.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
        scores(
            QUESTION,
            List.of(
                candidate(7.0, List.of("Scheda A", "", SCATTERED, "")),
                candidate(7.0, List.of("Scheda B", "", TOGETHER, ""))));

    assertThat(scores[1]).isGreaterThan(scores[0]);
    assertThat(scores[1])
        .isEqualTo(1 + PassageReranker.WEIGHT, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void aTitleIsAPassageOfItsOwn() {
    double[] scores =
        scores(
            "come pago la tari",
            List.of(
                candidate(5.0, List.of("Scadenze", "", "Si paga " + filler(25) + " la TARI", "")),
                candidate(
                    5.0, List.of("Come si paga la TARI", "", "Informazioni " + filler(25), ""))));

    assertThat(scores[1]).isGreaterThan(scores[0]);
  }

  @Test
  void aMuchBetterFirstPassScoreIsNotOverturned() {
    double[] scores =
        scores(
            QUESTION,
            List.of(
                candidate(12.0, List.of("", "", SCATTERED, "")),
                candidate(6.0, List.of("", "", TOGETHER, ""))));

    assertThat(scores[0])
        .as("at most WEIGHT is added to a score divided by the best")
        .isGreaterThan(scores[1]);
  }

  @Test
  void aPassageCountsEachWordOnceWeightedByItsRarity() {
    // words 1 = bologn, 2 = fond, 3 = univers; "bologn" twice, "univers" one span away
    AnalysedText field =
        new AnalysedText(new int[] {1, 1, 2, 3}, new int[] {0, 3, 5, 5 + PassageReranker.SPAN});
    int[] words = {1, 2, 3};
    double[] idf = {2.0, 1.0, 0.5};

    assertThat(PassageReranker.bestPassage(field, words, idf)).isEqualTo(3.0);
  }

  @Test
  void wordsOfTheFieldOutsideTheQuestionAreSkippedButKeepTheirPositions() {
    AnalysedText field = new AnalysedText(new int[] {1, 9, 9, 2}, new int[] {0, 1, 2, 25});
    int[] words = {1, 2};
    double[] idf = {1.0, 1.0};

    assertThat(PassageReranker.bestPassage(field, words, idf))
        .as("25 positions apart: never in one passage")
        .isEqualTo(1.0);
  }

  @Test
  void aQuestionWordNoArticleHoldsStillCountsInTheWhole() {
    double[] withUnknown =
        scores("università xyzzyqq", List.of(candidate(1.0, List.of("", "", "università", ""))));
    double[] without =
        scores("università", List.of(candidate(1.0, List.of("", "", "università", ""))));

    assertThat(without[0])
        .isEqualTo(1 + PassageReranker.WEIGHT, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(withUnknown[0]).isLessThan(without[0]);
  }

  @Test
  void aQuestionOfStopWordsOnlyKeepsTheFirstPassOrder() {
    double[] scores =
        scores(
            "perché più",
            List.of(
                candidate(4.0, List.of("", "", "Perché più", "")),
                candidate(2.0, List.of("", "", "altro", ""))));

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

  private final Vocabulary vocabulary = new Vocabulary();

  private PassageReranker.Candidate candidate(double score, List<String> fields) {
    return new PassageReranker.Candidate(
        score, fields.stream().map(text -> AnalysedText.of(text, vocabulary)).toList());
  }

  private double[] scores(String question, List<PassageReranker.Candidate> candidates) {
    return PassageReranker.scores(question, candidates, vocabulary);
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
