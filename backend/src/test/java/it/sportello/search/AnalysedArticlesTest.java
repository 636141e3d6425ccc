package it.sportello.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The second stage's cache of analysed articles. */
class AnalysedArticlesTest {

  @Test
  void anArticleIsKeptPerIndexedVersion() {
    AnalysedArticles articles = new AnalysedArticles(1_000);
    String first = AnalysedArticles.key("sportello-kb-1", "7-it", 1);
    articles.analyse(first, List.of("Certificato di residenza", "", "", ""));

    assertThat(articles.present(List.of(first))).containsOnlyKeys(first);
    assertThat(articles.present(List.of(AnalysedArticles.key("sportello-kb-1", "7-it", 2))))
        .as("an update is a new version, never the old words")
        .isEmpty();
    assertThat(articles.present(List.of(AnalysedArticles.key("sportello-kb-2", "7-it", 1))))
        .as("a rebuilt index starts its versions again")
        .isEmpty();
  }

  @Test
  void theSameStemHasOneNumberAndAQuestionNeverAddsWords() {
    AnalysedArticles articles = new AnalysedArticles(1_000);
    List<AnalysedText> fields =
        articles.analyse("k", List.of("certificati", "", "il certificato", ""));

    assertThat(fields.get(0).words()).containsExactly(fields.get(2).words());
    int known = articles.vocabulary().size();
    assertThat(articles.vocabulary().find("inesistentissimo")).isEqualTo(Vocabulary.UNKNOWN);
    assertThat(articles.vocabulary().size()).isEqualTo(known);
  }

  @Test
  void theCacheIsBoundedByTheWordsItHolds() {
    AnalysedArticles articles = new AnalysedArticles(50);
    for (int i = 0; i < 20; i++) {
      articles.analyse("k" + i, List.of("", "", "anagrafe residenza certificato tributi", ""));
    }
    articles.cleanUp();

    assertThat(articles.size()).as("5 words an entry, 50 in all").isLessThanOrEqualTo(10);
  }
}
