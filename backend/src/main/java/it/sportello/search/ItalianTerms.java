package it.sportello.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.tartarus.snowball.ext.ItalianStemmer;

/**
 * The index's Italian analysis ({@code sportello_it}) run in the JVM with the same Lucene filters
 * the search node uses: elided articles off, lower case, the {@code _italian_} stop words (Lucene's
 * Snowball list) while they carry their accents, ASCII folding, the same stop words without
 * accents, the Snowball Italian stemmer. The second-stage ranking ({@link PassageReranker}) reads
 * the candidates' words and their positions with it, so that it needs no further request to the
 * node.
 */
final class ItalianTerms {

  /** One word as the index keeps it: its stem and its position (stop words leave gaps). */
  record Term(String stem, int position) {}

  /** The elided articles the index's {@code it_elision} filter takes off. */
  static final List<String> ELISIONS =
      List.of(
          "c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl",
          "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d", "quest", "quell");

  /**
   * The Italian stop words that carry an accent ({@code _italian_}, Lucene's Snowball list), as
   * they come out of ASCII folding when typed without it.
   */
  static final List<String> FOLDED_STOP_WORDS =
      List.of("perche", "piu", "avro", "avra", "saro", "sara", "faro", "fara", "staro", "stara");

  private static final Analyzer ANALYZER =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          Tokenizer tokenizer = new StandardTokenizer();
          TokenStream stream = new ElisionFilter(tokenizer, new CharArraySet(ELISIONS, true));
          stream = new LowerCaseFilter(stream);
          stream = new StopFilter(stream, ItalianAnalyzer.getDefaultStopSet());
          stream = new ASCIIFoldingFilter(stream);
          stream = new StopFilter(stream, new CharArraySet(FOLDED_STOP_WORDS, false));
          stream = new SnowballFilter(stream, new ItalianStemmer());
          return new TokenStreamComponents(tokenizer, stream);
        }
      };

  private ItalianTerms() {}

  static List<Term> of(String text) {
    return of(ANALYZER, text);
  }

  /** The words of a text as this analyzer leaves them, with their positions. */
  static List<Term> of(Analyzer analyzer, String text) {
    List<Term> terms = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return terms;
    }
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        position += increment.getPositionIncrement();
        terms.add(new Term(term.toString(), position));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }
}
