package it.sportello.kb;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The classification tree, browsed one level at a time; readers may subscribe to a node. */
@Service
public class CategoryTree {

  private final ArticleTables store;

  CategoryTree(ArticleTables store) {
    this.store = store;
  }

  /** The children of a node, or the topics for {@code null}. */
  public List<Category> children(Long parentId) {
    return store.children(parentId);
  }

  /**
   * The children of a node, or the topics for {@code null}, named in {@code language} (it, en, de,
   * fr); Italian where the tree has no name in that language.
   */
  public List<Category> children(Long parentId, java.util.Locale language) {
    String code = language == null ? "it" : language.getLanguage();
    return store.children(
        parentId, java.util.Set.of("en", "de", "fr").contains(code) ? code : "it");
  }

  /** A node with its parent's code, as lists of labels need it. */
  public record Labelled(Category category, String parentCode) {}

  /** Every node down to a depth (1: topics, 2: reasons too), topics first, in the tree's order. */
  public List<Labelled> upToDepth(int depth) {
    return store.upToDepth(depth);
  }

  /** A node of the tree by its code. */
  public java.util.Optional<Category> byCode(String code) {
    return store.category(code);
  }

  /** A node of the tree by its id. */
  public java.util.Optional<Category> byId(long id) {
    return store.category(id);
  }

  public long count(int depth) {
    return store.countCategories(depth);
  }

  @Transactional
  public void subscribe(String userId, String code) {
    Category category =
        store
            .category(code)
            .orElseThrow(
                () ->
                    new it.sportello.shared.InvalidRequestException(
                        "code", "no category '" + code + "'"));
    store.subscribe(userId, category.id());
  }
}
