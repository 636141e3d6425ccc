package it.sportello.kb.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.kb.Article;
import it.sportello.kb.ArticleEvent;
import it.sportello.kb.ArticleStatus;
import it.sportello.kb.ArticleVersion;
import it.sportello.kb.Authoring;
import it.sportello.kb.Category;
import it.sportello.kb.CategoryTree;
import it.sportello.kb.KbUsage;
import it.sportello.kb.KnowledgeImport;
import it.sportello.kb.KnowledgeSearch;
import it.sportello.kb.UsageSide;
import it.sportello.kb.excel.KnowledgeWorkbook;
import it.sportello.platform.security.GroupAuthorities;
import it.sportello.search.SearchIndex;
import it.sportello.search.SearchResult;
import it.sportello.search.SearchUnavailableException;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.web.PageResponse;
import it.sportello.shared.web.Uploads;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(
    name = "Knowledge base",
    description =
        "Authors' drafts, versions and diffs, the publication workflow, operators' search, import")
@Validated
@RestController
@RequestMapping("/api/kb")
class KnowledgeBaseController {

  private static final Set<String> AUTHORING_GROUPS =
      Set.of("kb-editor", "kb-reviewer", "camunda-admin");

  private final Authoring authoring;
  private final KnowledgeSearch search;
  private final CategoryTree tree;
  private final KnowledgeImport importer;
  private final SearchIndex searchIndex;
  private final KbUsage usage;

  KnowledgeBaseController(
      Authoring authoring,
      KnowledgeSearch search,
      CategoryTree tree,
      KnowledgeImport importer,
      SearchIndex searchIndex,
      KbUsage usage) {
    this.authoring = authoring;
    this.search = search;
    this.tree = tree;
    this.importer = importer;
    this.searchIndex = searchIndex;
    this.usage = usage;
  }

  @Operation(
      summary = "Search the published articles I may read (Italian analysis, typos tolerated)")
  @GetMapping("/search")
  KbSearchResponse searchKb(
      Authentication authentication,
      @RequestParam String q,
      @RequestParam(defaultValue = "it") String lang,
      @RequestParam(required = false) String topic,
      @RequestParam(defaultValue = "10") @Min(1) @Max(50) int size,
      @Parameter(description = "The ticket I am working on, if I search for it")
          @RequestParam(required = false)
          String ticket) {
    SearchResult result = search.search(q, lang, topic, size, groups(authentication));
    Long searchId =
        usage.searched(
            q,
            lang,
            result.total(),
            UsageSide.INTERNAL,
            authentication.getName(),
            ticket == null || ticket.isBlank() ? null : ticket.strip());
    return KbSearchResponse.of(searchId, result);
  }

  @Operation(summary = "Articles, latest change first: mine (default) or everyone's; by status")
  @GetMapping("/articles")
  PageResponse<ArticleView> kbArticles(
      Authentication authentication,
      @RequestParam(defaultValue = "true") boolean mine,
      @RequestParam(required = false) List<ArticleStatus> status,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    return PageResponse.of(
        authoring.list(mine ? authentication.getName() : null, status, page, size),
        ArticleView::of);
  }

  @Operation(summary = "A new draft (version 1)")
  @PostMapping("/articles")
  ResponseEntity<ArticleView> createKbArticle(
      Authentication authentication, @RequestBody ArticleRequest request) {
    Article article = authoring.create(request.toDraft(), authentication.getName());
    return ResponseEntity.created(URI.create("/api/kb/articles/" + article.id()))
        .body(ArticleView.of(article));
  }

  @Operation(
      summary =
          "An article: any state for authors and reviewers, published and visible to me otherwise")
  @GetMapping("/articles/{id}")
  ArticleView kbArticle(
      Authentication authentication,
      @PathVariable long id,
      @Parameter(description = "The search whose result this is (its searchId)")
          @RequestParam(name = "search", required = false)
          Long searchId) {
    List<String> groups = groups(authentication);
    Article article =
        groups.stream().anyMatch(AUTHORING_GROUPS::contains)
            ? authoring.get(id)
            : search.read(id, groups);
    usage.viewed(article, UsageSide.INTERNAL, authentication.getName());
    if (searchId != null) {
      usage.followed(searchId);
    }
    return ArticleView.of(article);
  }

  @Operation(
      summary =
          "Was this published article helpful? One opinion per reader and version: a second"
              + " replaces the first")
  @PostMapping("/articles/{id}/feedback")
  ResponseEntity<Void> kbArticleFeedback(
      Authentication authentication, @PathVariable long id, @RequestBody FeedbackRequest request) {
    FeedbackRequest opinion = request.validated();
    Article article = search.read(id, groups(authentication));
    usage.feedback(
        article,
        UsageSide.INTERNAL,
        authentication.getName(),
        opinion.helpful(),
        opinion.comment());
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Save a new version of a draft")
  @PutMapping("/articles/{id}")
  ArticleView updateKbArticle(
      Authentication authentication, @PathVariable long id, @RequestBody ArticleRequest request) {
    return ArticleView.of(authoring.update(id, request.toDraft(), authentication.getName()));
  }

  @Operation(summary = "Send a draft to the KB reviewers (starts or resumes its workflow)")
  @PostMapping("/articles/{id}/submit")
  ArticleView submitKbArticle(Authentication authentication, @PathVariable long id) {
    return ArticleView.of(authoring.submit(id, authentication.getName()));
  }

  @Operation(summary = "Withdraw a published article (no longer valid)")
  @PostMapping("/articles/{id}/withdraw")
  ArticleView withdrawKbArticle(Authentication authentication, @PathVariable long id) {
    return ArticleView.of(authoring.remove(id, true, authentication.getName()));
  }

  @Operation(summary = "Archive an article")
  @PostMapping("/articles/{id}/archive")
  ArticleView archiveKbArticle(Authentication authentication, @PathVariable long id) {
    return ArticleView.of(authoring.remove(id, false, authentication.getName()));
  }

  @Operation(summary = "Every version: who, when, why")
  @GetMapping("/articles/{id}/versions")
  List<ArticleVersion> kbArticleVersions(@PathVariable long id) {
    return authoring.versions(id);
  }

  @Operation(summary = "What changed between two versions, as a unified diff (one line per entry)")
  @GetMapping("/articles/{id}/diff")
  DiffView kbArticleDiff(@PathVariable long id, @RequestParam int from, @RequestParam int to) {
    return new DiffView(from, to, authoring.diff(id, from, to));
  }

  record DiffView(int from, int to, List<String> lines) {}

  @Operation(summary = "The article's path: created, edited, submitted, reviewed, published, ...")
  @GetMapping("/articles/{id}/events")
  List<ArticleEvent> kbArticleEvents(@PathVariable long id) {
    return authoring.events(id);
  }

  @Operation(
      summary = "The classification tree, one level: the topics, or a node's children",
      description =
          "Names in the language of the request's Accept-Language (it, en, de, fr), Italian where the tree has no name in it")
  @GetMapping("/categories")
  List<Category> kbCategories(
      @RequestParam(required = false) Long parent, java.util.Locale locale) {
    return tree.children(parent, locale);
  }

  @Operation(summary = "Be told when an article of this topic or reason is published")
  @PostMapping("/subscriptions/{code}")
  ResponseEntity<Void> subscribeKb(Authentication authentication, @PathVariable String code) {
    tree.subscribe(authentication.getName(), code);
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary =
          "Import a workbook of topics, reasons and articles; bad rows are reported, not imported")
  @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  KnowledgeImport.Report importKbWorkbook(
      Authentication authentication,
      @RequestPart("file") MultipartFile file,
      @RequestParam(defaultValue = "false") boolean dryRun) {
    KnowledgeWorkbook.Rows rows;
    try {
      rows = Uploads.read(file, (fileName, content) -> KnowledgeWorkbook.read(content));
    } catch (IOException e) {
      throw new InvalidRequestException("file", "cannot be read");
    }
    return importer.importRows(
        rows.topics(), rows.reasons(), rows.articles(), dryRun, authentication.getName());
  }

  @Operation(summary = "Rebuild the search index from the database")
  @PostMapping("/index/rebuild")
  SearchIndex.Consistency rebuildKbIndex() {
    searchIndex.reindex();
    return searchIndex.check();
  }

  @Operation(summary = "Compare the search index with the database")
  @GetMapping("/index/consistency")
  SearchIndex.Consistency kbIndexConsistency() {
    return searchIndex.check();
  }

  private static List<String> groups(Authentication authentication) {
    return GroupAuthorities.groupIds(authentication.getAuthorities());
  }

  @ExceptionHandler(SearchUnavailableException.class)
  ProblemDetail searchUnavailable(
      SearchUnavailableException exception, jakarta.servlet.http.HttpServletResponse response) {
    return exception.problem(response);
  }
}
