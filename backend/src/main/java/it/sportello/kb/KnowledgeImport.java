package it.sportello.kb;

import io.swagger.v3.oas.annotations.media.Schema;
import it.sportello.search.SearchIndex;
import it.sportello.shared.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the existing knowledge base ("knowledge pills"): topics, reasons and articles read from a
 * workbook by {@code kb.excel}. Bad rows are reported (sheet, row, field, reason) and skipped; the
 * good ones are written in one transaction, or only checked in a dry run. Importing the same
 * workbook again updates by code instead of duplicating. Imported articles are the administration's
 * current, approved knowledge: they are published (unless their status says draft) and queued for
 * the search index.
 */
@Service
public class KnowledgeImport {

  public static final String TOPICS = "Argomenti";
  public static final String REASONS = "Causali";
  public static final String ARTICLES = "Articoli";

  /** A topic row: code and name. */
  public record TopicRow(int row, String code, String name) {}

  /** A reason row: code, the code of its topic (or of a parent reason), name. */
  public record ReasonRow(int row, String code, String parent, String name) {}

  /** An article row, one per language: rows with the same code are the variants of one article. */
  public record ArticleRow(
      int row,
      String code,
      String reason,
      String language,
      String title,
      String summary,
      String body,
      String audience,
      String tags,
      String reviewAt,
      String status) {}

  /**
   * A row that cannot be imported: {@code field} is the column as the workbook names it (the
   * template's Italian headers), {@code message} says what is wrong, in English as every API
   * message.
   */
  public record Problem(String sheet, int row, String field, String message) {}

  @Schema(name = "KbImportReport")
  public record Report(
      boolean dryRun,
      int topics,
      int reasons,
      int articles,
      int variants,
      List<Problem> problems) {}

  private static final int MAX_PROBLEMS = 1000;

  private final ArticleTables store;
  private final SearchIndex searchIndex;
  private final Clock clock;

  KnowledgeImport(ArticleTables store, SearchIndex searchIndex, Clock clock) {
    this.store = store;
    this.searchIndex = searchIndex;
    this.clock = clock;
  }

  @Transactional
  public Report importRows(
      List<TopicRow> topicRows,
      List<ReasonRow> reasonRows,
      List<ArticleRow> articleRows,
      boolean dryRun,
      String actor) {
    Run run = new Run(dryRun, actor, clock.instant());
    topicRows.forEach(run::topic);
    // a reason's parent is a topic or a reason listed before
    reasonRows.forEach(run::reason);
    run.articles(articleRows);
    return run.report();
  }

  /**
   * One import: the categories taken so far (their ids and depth by code), the problems found and
   * the counts. Topics and reasons share one running position.
   */
  private final class Run {

    private final boolean dryRun;
    private final String actor;
    private final Instant now;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Long> ids = new HashMap<>();
    private final Map<String, Integer> depth = new HashMap<>();
    private int position;
    private int topics;
    private int reasons;
    private int articles;
    private int variants;

    Run(boolean dryRun, String actor, Instant now) {
      this.dryRun = dryRun;
      this.actor = actor;
      this.now = now;
    }

    Report report() {
      return new Report(dryRun, topics, reasons, articles, variants, List.copyOf(problems));
    }

    void topic(TopicRow row) {
      if (blank(row.code())) {
        problem(TOPICS, row.row(), "codice", "missing");
      } else if (blank(row.name())) {
        problem(TOPICS, row.row(), "nome", "missing");
      } else if (depth.containsKey(key(row.code()))) {
        problem(TOPICS, row.row(), "codice", "repeated code: " + row.code());
      } else if (row.code().length() > 100 || row.name().length() > 300) {
        problem(TOPICS, row.row(), "nome", "too long");
      } else {
        category(null, row.code(), row.name(), 1);
        topics++;
      }
    }

    void reason(ReasonRow row) {
      String parent = row.parent() == null ? null : key(row.parent());
      if (blank(row.code())) {
        problem(REASONS, row.row(), "codice", "missing");
      } else if (blank(row.name())) {
        problem(REASONS, row.row(), "nome", "missing");
      } else if (blank(row.parent())) {
        problem(REASONS, row.row(), "argomento", "missing");
      } else if (!depth.containsKey(parent)) {
        problem(REASONS, row.row(), "argomento", "unknown topic: " + row.parent());
      } else if (depth.containsKey(key(row.code()))) {
        problem(REASONS, row.row(), "codice", "repeated code: " + row.code());
      } else if (row.code().length() > 100 || row.name().length() > 300) {
        problem(REASONS, row.row(), "nome", "too long");
      } else {
        category(parent, row.code(), row.name(), depth.get(parent) + 1);
        reasons++;
      }
    }

    private void category(String parent, String code, String name, int level) {
      depth.put(key(code), level);
      ids.put(
          key(code),
          dryRun
              ? -1L
              : store.upsertCategory(
                  parent == null ? null : ids.get(parent),
                  code.strip(),
                  name.strip(),
                  level,
                  position++));
    }

    /** Groups the language rows by code, checks each row, then each article as a whole. */
    void articles(List<ArticleRow> rows) {
      Map<String, List<ArticleRow>> byCode = new LinkedHashMap<>();
      for (ArticleRow row : rows) {
        if (blank(row.code())) {
          problem(ARTICLES, row.row(), "codice", "missing");
          continue;
        }
        byCode.computeIfAbsent(row.code().strip(), k -> new ArrayList<>()).add(row);
      }
      byCode.forEach(this::article);
    }

    private void article(String code, List<ArticleRow> rows) {
      List<ArticleVariant> languages = languages(code, rows);
      ArticleRow first = rows.get(0);
      if (languages == null || !knownReason(first)) {
        return;
      }
      Audience audience = audience(first);
      if (audience == null) {
        return;
      }
      Optional<LocalDate> reviewAt = reviewAt(first);
      ArticleStatus status = reviewAt == null ? null : status(first);
      if (status == null) {
        return;
      }
      List<String> tags = blank(first.tags()) ? List.of() : List.of(first.tags().split("[,;]"));
      String reason = blank(first.reason()) ? null : first.reason().strip();
      ArticleDraft draft =
          new ArticleDraft(
              reason,
              audience,
              audience == Audience.ROLES ? List.of("level2") : List.of(),
              tags,
              reviewAt.orElse(null),
              languages,
              List.of(),
              "Importato dal foglio " + ARTICLES);
      try {
        draft.validate();
      } catch (InvalidRequestException e) {
        e.violations().forEach(v -> problem(ARTICLES, first.row(), v.field(), v.message()));
        return;
      }
      articles++;
      variants += languages.size();
      if (!dryRun) {
        write(code, draft, reason == null ? null : ids.get(key(reason)), status, actor, now);
      }
    }

    /** The article's variants, one per language; null when a row is bad (each one reported). */
    private List<ArticleVariant> languages(String code, List<ArticleRow> rows) {
      List<ArticleVariant> languages = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      boolean bad = false;
      for (ArticleRow row : rows) {
        String language =
            blank(row.language()) ? "it" : row.language().strip().toLowerCase(Locale.ROOT);
        if (!ArticleDraft.LANGUAGES.contains(language)) {
          problem(ARTICLES, row.row(), "lingua", "unsupported language: " + row.language());
          bad = true;
        } else if (!seen.add(language)) {
          problem(ARTICLES, row.row(), "lingua", "language repeated for code " + code);
          bad = true;
        } else if (blank(row.title())) {
          problem(ARTICLES, row.row(), "titolo", "missing");
          bad = true;
        } else if (blank(row.body()) && blank(row.summary())) {
          problem(ARTICLES, row.row(), "testo", "neither a text nor a summary");
          bad = true;
        } else {
          languages.add(
              new ArticleVariant(
                  language, row.title(), nullToEmpty(row.summary()), nullToEmpty(row.body())));
        }
      }
      return bad ? null : languages;
    }

    private boolean knownReason(ArticleRow first) {
      if (!blank(first.reason()) && !depth.containsKey(key(first.reason()))) {
        problem(ARTICLES, first.row(), "causale", "unknown reason: " + first.reason());
        return false;
      }
      return true;
    }

    /** The audience (public when not given); null when not one we know (reported). */
    private Audience audience(ArticleRow first) {
      try {
        return blank(first.audience())
            ? Audience.PUBLIC
            : KnowledgeImport.audience(first.audience());
      } catch (IllegalArgumentException e) {
        problem(ARTICLES, first.row(), "destinatari", "unexpected value: " + first.audience());
        return null;
      }
    }

    /** The review date, empty when not given; null when not a date (reported). */
    private Optional<LocalDate> reviewAt(ArticleRow first) {
      if (blank(first.reviewAt())) {
        return Optional.empty();
      }
      try {
        return Optional.of(LocalDate.parse(first.reviewAt().strip()));
      } catch (DateTimeParseException e) {
        problem(ARTICLES, first.row(), "revisione", "not a date (YYYY-MM-DD): " + first.reviewAt());
        return null;
      }
    }

    /** Published (the default, PUBBLICATO) or draft (BOZZA); null otherwise (reported). */
    private ArticleStatus status(ArticleRow first) {
      String statusText =
          blank(first.status()) ? "PUBLISHED" : first.status().strip().toUpperCase(Locale.ROOT);
      if (statusText.equals("PUBBLICATO")) {
        statusText = "PUBLISHED";
      } else if (statusText.equals("BOZZA")) {
        statusText = "DRAFT";
      }
      if (!statusText.equals("PUBLISHED") && !statusText.equals("DRAFT")) {
        problem(ARTICLES, first.row(), "stato", "must be PUBLISHED/PUBBLICATO or DRAFT/BOZZA");
        return null;
      }
      return ArticleStatus.valueOf(statusText);
    }

    private void problem(String sheet, int row, String field, String message) {
      if (problems.size() < MAX_PROBLEMS) {
        problems.add(new Problem(sheet, row, field, message));
      }
    }
  }

  private void write(
      String code,
      ArticleDraft draft,
      Long categoryId,
      ArticleStatus status,
      String actor,
      Instant now) {
    String text = ArticleText.of(draft.categoryCode(), draft);
    long id;
    var existing = store.idOfExternalKey(code);
    if (existing.isPresent()) {
      id = existing.get();
      Article current = store.find(id).orElseThrow();
      List<ArticleVersion> versions = store.versions(id);
      if (!versions.isEmpty() && versions.get(versions.size() - 1).content().equals(text)) {
        return;
      }
      store.update(id, draft, categoryId, current.version() + 1, actor, now);
      store.insertVersion(id, current.version() + 1, actor, now, draft.changeNote(), text);
      store.insertEvent(id, now, actor, "IMPORTED", code);
    } else {
      id = store.insert(draft, categoryId, actor, now, null, code);
      store.insertVersion(id, 1, actor, now, draft.changeNote(), text);
      store.insertEvent(id, now, actor, "IMPORTED", code);
    }
    if (status == ArticleStatus.PUBLISHED) {
      store.setStatus(id, ArticleStatus.PUBLISHED, actor, now);
      if (draft.reviewAt() == null) {
        store.setReviewAt(
            id,
            LocalDate.ofInstant(now, java.time.ZoneOffset.UTC)
                .plusMonths(Publication.DEFAULT_REVIEW_MONTHS));
      }
    }
    searchIndex.enqueue(id);
  }

  private static Audience audience(String text) {
    String value = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    return switch (value) {
      case "PUBBLICO" -> Audience.PUBLIC;
      case "FRONT_OFFICE", "PRIMO_LIVELLO" -> Audience.FRONT_OFFICE;
      case "BACK_OFFICE", "SECONDO_LIVELLO" -> Audience.BACK_OFFICE;
      default -> Audience.valueOf(value);
    };
  }

  private static String key(String code) {
    return code.strip().toLowerCase(Locale.ROOT);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
