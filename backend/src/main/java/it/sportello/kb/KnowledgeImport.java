package it.sportello.kb;

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

  public record Problem(String sheet, int row, String field, String message) {}

  public record Report(
      boolean dryRun,
      int topics,
      int reasons,
      int articles,
      int variants,
      List<Problem> problems) {}

  private static final int MAX_PROBLEMS = 1000;

  private final ArticleStore store;
  private final SearchIndex searchIndex;
  private final Clock clock;

  KnowledgeImport(ArticleStore store, SearchIndex searchIndex, Clock clock) {
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
    List<Problem> problems = new ArrayList<>();
    Instant now = clock.instant();

    // topics
    Map<String, Long> ids = new HashMap<>();
    Map<String, Integer> depth = new HashMap<>();
    int topics = 0;
    int position = 0;
    for (TopicRow row : topicRows) {
      if (blank(row.code())) {
        problem(problems, TOPICS, row.row(), "codice", "manca il codice");
      } else if (blank(row.name())) {
        problem(problems, TOPICS, row.row(), "nome", "manca il nome");
      } else if (depth.containsKey(key(row.code()))) {
        problem(problems, TOPICS, row.row(), "codice", "codice ripetuto: " + row.code());
      } else if (row.code().length() > 100 || row.name().length() > 300) {
        problem(problems, TOPICS, row.row(), "nome", "troppo lungo");
      } else {
        depth.put(key(row.code()), 1);
        ids.put(
            key(row.code()),
            dryRun
                ? -1L
                : store.upsertCategory(
                    null, row.code().strip(), row.name().strip(), 1, position++));
        topics++;
      }
    }

    // reasons (a parent is a topic or a reason listed before)
    int reasons = 0;
    for (ReasonRow row : reasonRows) {
      String parent = row.parent() == null ? null : key(row.parent());
      if (blank(row.code())) {
        problem(problems, REASONS, row.row(), "codice", "manca il codice");
      } else if (blank(row.name())) {
        problem(problems, REASONS, row.row(), "nome", "manca il nome");
      } else if (blank(row.parent())) {
        problem(problems, REASONS, row.row(), "argomento", "manca l'argomento");
      } else if (!depth.containsKey(parent)) {
        problem(
            problems, REASONS, row.row(), "argomento", "argomento sconosciuto: " + row.parent());
      } else if (depth.containsKey(key(row.code()))) {
        problem(problems, REASONS, row.row(), "codice", "codice ripetuto: " + row.code());
      } else if (row.code().length() > 100 || row.name().length() > 300) {
        problem(problems, REASONS, row.row(), "nome", "troppo lungo");
      } else {
        int level = depth.get(parent) + 1;
        depth.put(key(row.code()), level);
        ids.put(
            key(row.code()),
            dryRun
                ? -1L
                : store.upsertCategory(
                    ids.get(parent), row.code().strip(), row.name().strip(), level, position++));
        reasons++;
      }
    }

    // articles: group the language rows by code, check each row, then the article as a whole
    Map<String, List<ArticleRow>> byCode = new LinkedHashMap<>();
    for (ArticleRow row : articleRows) {
      if (blank(row.code())) {
        problem(problems, ARTICLES, row.row(), "codice", "manca il codice");
        continue;
      }
      byCode.computeIfAbsent(row.code().strip(), k -> new ArrayList<>()).add(row);
    }
    int articles = 0;
    int variants = 0;
    for (Map.Entry<String, List<ArticleRow>> entry : byCode.entrySet()) {
      List<ArticleRow> rows = entry.getValue();
      ArticleRow first = rows.get(0);
      List<ArticleVariant> languages = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      boolean bad = false;
      for (ArticleRow row : rows) {
        String language =
            blank(row.language()) ? "it" : row.language().strip().toLowerCase(Locale.ROOT);
        if (!ArticleDraft.LANGUAGES.contains(language)) {
          problem(
              problems, ARTICLES, row.row(), "lingua", "lingua non prevista: " + row.language());
          bad = true;
        } else if (!seen.add(language)) {
          problem(
              problems,
              ARTICLES,
              row.row(),
              "lingua",
              "lingua ripetuta per il codice " + entry.getKey());
          bad = true;
        } else if (blank(row.title())) {
          problem(problems, ARTICLES, row.row(), "titolo", "manca il titolo");
          bad = true;
        } else if (blank(row.body()) && blank(row.summary())) {
          problem(problems, ARTICLES, row.row(), "testo", "mancano sia il testo sia il sommario");
          bad = true;
        } else {
          languages.add(
              new ArticleVariant(
                  language, row.title(), nullToEmpty(row.summary()), nullToEmpty(row.body())));
        }
      }
      if (bad) {
        continue;
      }
      if (!blank(first.reason()) && !depth.containsKey(key(first.reason()))) {
        problem(
            problems, ARTICLES, first.row(), "causale", "causale sconosciuta: " + first.reason());
        continue;
      }
      Audience audience;
      try {
        audience = blank(first.audience()) ? Audience.PUBLIC : audience(first.audience());
      } catch (IllegalArgumentException e) {
        problem(
            problems,
            ARTICLES,
            first.row(),
            "destinatari",
            "valore non previsto: " + first.audience());
        continue;
      }
      LocalDate reviewAt = null;
      if (!blank(first.reviewAt())) {
        try {
          reviewAt = LocalDate.parse(first.reviewAt().strip());
        } catch (DateTimeParseException e) {
          problem(
              problems,
              ARTICLES,
              first.row(),
              "revisione",
              "data non valida (AAAA-MM-GG): " + first.reviewAt());
          continue;
        }
      }
      ArticleStatus status;
      String statusText =
          blank(first.status()) ? "PUBLISHED" : first.status().strip().toUpperCase(Locale.ROOT);
      if (statusText.equals("PUBBLICATO")) {
        statusText = "PUBLISHED";
      } else if (statusText.equals("BOZZA")) {
        statusText = "DRAFT";
      }
      if (!statusText.equals("PUBLISHED") && !statusText.equals("DRAFT")) {
        problem(problems, ARTICLES, first.row(), "stato", "PUBLISHED/PUBBLICATO o DRAFT/BOZZA");
        continue;
      }
      status = ArticleStatus.valueOf(statusText);
      List<String> tags = blank(first.tags()) ? List.of() : List.of(first.tags().split("[,;]"));
      String reason = blank(first.reason()) ? null : first.reason().strip();
      ArticleDraft draft =
          new ArticleDraft(
              reason,
              audience,
              audience == Audience.ROLES ? List.of("level2") : List.of(),
              tags,
              reviewAt,
              languages,
              List.of(),
              "Importato dal foglio " + ARTICLES);
      try {
        draft.validate();
      } catch (InvalidRequestException e) {
        e.violations()
            .forEach(v -> problem(problems, ARTICLES, first.row(), v.field(), v.message()));
        continue;
      }
      articles++;
      variants += languages.size();
      if (!dryRun) {
        write(
            entry.getKey(),
            draft,
            reason == null ? null : ids.get(key(reason)),
            status,
            actor,
            now);
      }
    }
    return new Report(dryRun, topics, reasons, articles, variants, List.copyOf(problems));
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

  private static void problem(
      List<Problem> problems, String sheet, int row, String field, String message) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(new Problem(sheet, row, field, message));
    }
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
