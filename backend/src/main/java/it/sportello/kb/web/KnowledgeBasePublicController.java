package it.sportello.kb.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.kb.Article;
import it.sportello.kb.Category;
import it.sportello.kb.CategoryTree;
import it.sportello.kb.KbUsage;
import it.sportello.kb.KnowledgeSearch;
import it.sportello.kb.UsageSide;
import it.sportello.search.SearchResult;
import it.sportello.search.SearchUnavailableException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(
    name = "Self-service knowledge base",
    description =
        "For citizens, without login: search, browse and read the public articles, say whether"
            + " one helped")
@Validated
@RestController
@RequestMapping("/api/public/kb")
class KnowledgeBasePublicController {

  private final KnowledgeSearch search;
  private final CategoryTree tree;
  private final KbUsage usage;

  KnowledgeBasePublicController(KnowledgeSearch search, CategoryTree tree, KbUsage usage) {
    this.search = search;
    this.tree = tree;
    this.usage = usage;
  }

  @Operation(summary = "Search the public articles")
  @GetMapping("/search")
  KbSearchResponse searchPublicKb(
      @RequestParam String q,
      @RequestParam(defaultValue = "it") String lang,
      @RequestParam(required = false) String topic,
      @RequestParam(defaultValue = "10") @Min(1) @Max(50) int size) {
    SearchResult result = search.search(q, lang, topic, size, List.of());
    Long searchId = usage.searched(q, lang, result.total(), UsageSide.PUBLIC, null, null);
    return KbSearchResponse.of(searchId, result);
  }

  @Operation(summary = "A public article")
  @GetMapping("/articles/{id}")
  ArticleView publicKbArticle(
      @PathVariable long id,
      @Parameter(description = "The search whose result this is (its searchId)")
          @RequestParam(name = "search", required = false)
          Long searchId) {
    Article article = search.read(id, List.of());
    usage.viewed(article, UsageSide.PUBLIC, null);
    if (searchId != null) {
      usage.followed(searchId);
    }
    return ArticleView.of(article);
  }

  // the limits per address (429 beyond them) are sportello.web.rate-limits
  @Operation(
      summary =
          "Was this public article helpful? Anonymous; at most 20 opinions a minute from one"
              + " address (else 429)")
  @PostMapping("/articles/{id}/feedback")
  ResponseEntity<Void> publicKbArticleFeedback(
      @PathVariable long id, @RequestBody FeedbackRequest request) {
    FeedbackRequest opinion = request.validated();
    Article article = search.read(id, List.of());
    usage.feedback(article, UsageSide.PUBLIC, null, opinion.helpful(), opinion.comment());
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "The classification tree, one level",
      description =
          "Names in the language of the request's Accept-Language (it, en, de, fr), Italian where the tree has no name in it")
  @GetMapping("/categories")
  List<Category> publicKbCategories(
      @RequestParam(required = false) Long parent, java.util.Locale locale) {
    return tree.children(parent, locale);
  }

  @ExceptionHandler(SearchUnavailableException.class)
  ProblemDetail searchUnavailable(
      SearchUnavailableException exception, jakarta.servlet.http.HttpServletResponse response) {
    return exception.problem(response);
  }
}
