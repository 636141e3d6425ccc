package it.sportello.kb;

import it.sportello.search.SearchEngine;
import it.sportello.search.SearchIndex;
import it.sportello.search.SearchQuery;
import it.sportello.search.SearchResult;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Searching and reading published articles, each reader seeing only what its audience allows:
 * anonymous citizens the public ones, level-1 operators also the front office's, level 2 and 3 the
 * back office's, and articles for specific roles to the members of those groups.
 */
@Service
public class KnowledgeSearch {

  private static final int MAX_SIZE = 50;

  private final SearchEngine engine;
  private final ArticleTables store;
  private final SearchIndex index;

  KnowledgeSearch(SearchEngine engine, ArticleTables store, SearchIndex index) {
    this.engine = engine;
    this.store = store;
    this.index = index;
  }

  /**
   * @param groups the reader's groups; empty for an anonymous citizen
   */
  public SearchResult search(
      String text, String language, String topic, int size, Collection<String> groups) {
    if (text == null || text.isBlank()) {
      throw new InvalidRequestException("q", "must not be blank");
    }
    if (text.length() > 500) {
      throw new InvalidRequestException("q", "at most 500 characters");
    }
    String lang = language == null || language.isBlank() ? "it" : language;
    if (!ArticleDraft.LANGUAGES.contains(lang)) {
      throw new InvalidRequestException("lang", "one of " + ArticleDraft.LANGUAGES);
    }
    // while the index is being built a search could miss articles: "starting", never a short list
    index.requireReady();
    Set<String> audiences =
        Audience.visibleTo(groups).stream().map(Enum::name).collect(Collectors.toSet());
    return engine.search(
        new SearchQuery(
            text.strip(),
            lang,
            audiences,
            Set.copyOf(groups),
            topic,
            Math.max(1, Math.min(size, MAX_SIZE))));
  }

  /** A published article the reader may see (else 404: its existence is not disclosed). */
  public Article read(long id, Collection<String> groups) {
    Article article =
        store
            .find(id)
            .filter(a -> a.status() == ArticleStatus.PUBLISHED)
            .filter(a -> visible(a, groups))
            .orElseThrow(() -> new NotFoundException("No published article " + id));
    return article;
  }

  static boolean visible(Article article, Collection<String> groups) {
    if (article.audience() == Audience.ROLES) {
      return article.roles().stream().anyMatch(groups::contains);
    }
    return Audience.visibleTo(groups).contains(article.audience());
  }
}
