package it.sportello.kb;

import it.sportello.search.DocumentSource;
import it.sportello.search.IndexedDocument;
import java.util.List;
import org.springframework.stereotype.Component;

/** The search index's view of the knowledge base: published articles, one entry per language. */
@Component
class ArticleDocuments implements DocumentSource {

  private final ArticleTables store;
  private final LearnedQueryTable learned;

  ArticleDocuments(ArticleTables store, LearnedQueryTable learned) {
    this.store = store;
    this.learned = learned;
  }

  @Override
  public List<IndexedDocument> documents(long sourceId) {
    return store
        .find(sourceId)
        .filter(article -> article.status() == ArticleStatus.PUBLISHED)
        .map(this::documents)
        .orElse(List.of());
  }

  private List<IndexedDocument> documents(Article article) {
    String topic = topic(article.categoryId());
    String learnedText = learned.indexedText(article.id());
    return article.variants().stream()
        .map(
            variant ->
                new IndexedDocument(
                    article.id(),
                    variant.language(),
                    variant.title(),
                    variant.summary(),
                    variant.body(),
                    article.tags(),
                    article.audience().name(),
                    article.roles(),
                    article.categoryCode(),
                    topic,
                    article.updatedAt(),
                    learnedText))
        .toList();
  }

  private String topic(Long categoryId) {
    Long id = categoryId;
    String code = null;
    while (id != null) {
      Category category = store.category(id).orElse(null);
      if (category == null) {
        break;
      }
      code = category.code();
      id = category.parentId();
    }
    return code;
  }

  @Override
  public List<Long> searchableIds(long afterId, int limit) {
    return store.publishedIds(afterId, limit);
  }

  @Override
  public long expectedDocuments() {
    return store.countPublishedVariants();
  }
}
