package it.sportello.search;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The second stage's analysis by the article's language, with the Lucene filters the node's
 * analyzer for that language uses: Italian {@link ItalianTerms}; German {@code sportello_de} (lower
 * case, {@code _german_} stop words, umlaut normalization, light German stemmer); French {@code
 * sportello_fr} (elided articles off, lower case, {@code _french_} stop words, light French
 * stemmer). German or French text never meets the Italian stemmer.
 */
final class LanguageTerms {

  private static final Analyzer GERMAN =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          Tokenizer tokenizer = new StandardTokenizer();
          TokenStream stream = new LowerCaseFilter(tokenizer);
          stream = new StopFilter(stream, GermanAnalyzer.getDefaultStopSet());
          stream = new GermanNormalizationFilter(stream);
          stream = new GermanLightStemFilter(stream);
          return new TokenStreamComponents(tokenizer, stream);
        }
      };

  private static final Analyzer FRENCH =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          Tokenizer tokenizer = new StandardTokenizer();
          TokenStream stream =
              new ElisionFilter(
                  tokenizer, new CharArraySet(ElasticsearchRestEngine.FRENCH_ELISIONS, true));
          stream = new LowerCaseFilter(stream);
          stream = new StopFilter(stream, FrenchAnalyzer.getDefaultStopSet());
          stream = new FrenchLightStemFilter(stream);
          return new TokenStreamComponents(tokenizer, stream);
        }
      };

  private LanguageTerms() {}

  /** The text's words in this language's analysis; Italian for any other language. */
  static List<ItalianTerms.Term> of(String language, String text) {
    return switch (language == null ? "it" : language) {
      case "de" -> ItalianTerms.of(GERMAN, text);
      case "fr" -> ItalianTerms.of(FRENCH, text);
      default -> ItalianTerms.of(text);
    };
  }
}
