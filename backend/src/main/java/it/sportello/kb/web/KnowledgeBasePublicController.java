package it.sportello.kb.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.kb.Category;
import it.sportello.kb.CategoryTree;
import it.sportello.kb.KnowledgeSearch;
import it.sportello.search.SearchResult;
import it.sportello.search.SearchUnavailableException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(
    name = "Self-service knowledge base",
    description = "For citizens, without login: search, browse and read the public articles")
@Validated
@RestController
@RequestMapping("/api/public/kb")
class KnowledgeBasePublicController {

  private final KnowledgeSearch search;
  private final CategoryTree tree;

  KnowledgeBasePublicController(KnowledgeSearch search, CategoryTree tree) {
    this.search = search;
    this.tree = tree;
  }

  @Operation(summary = "Search the public articles")
  @GetMapping("/search")
  SearchResult searchPublicKb(
      @RequestParam String q,
      @RequestParam(defaultValue = "it") String lang,
      @RequestParam(required = false) String topic,
      @RequestParam(defaultValue = "10") @Min(1) @Max(50) int size) {
    return search.search(q, lang, topic, size, List.of());
  }

  @Operation(summary = "A public article")
  @GetMapping("/articles/{id}")
  ArticleView publicKbArticle(@PathVariable long id) {
    return ArticleView.of(search.read(id, List.of()));
  }

  @Operation(summary = "The classification tree, one level")
  @GetMapping("/categories")
  List<Category> publicKbCategories(@RequestParam(required = false) Long parent) {
    return tree.children(parent);
  }

  @ExceptionHandler(SearchUnavailableException.class)
  ProblemDetail searchUnavailable(SearchUnavailableException exception) {
    return unavailable();
  }

  static ProblemDetail unavailable() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "Search is temporarily unavailable; try again in a few minutes.");
    problem.setTitle("Search unavailable");
    return problem;
  }
}
