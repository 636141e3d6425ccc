package it.sportello.kb;

import it.sportello.search.SearchIndex;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What KB authors do: write and edit drafts (every save is a version), submit them to the
 * publication workflow, read the history and the diff between versions, ask to withdraw or archive.
 */
@Service
public class Authoring {

  static final List<ArticleStatus> EDITABLE = List.of(ArticleStatus.DRAFT, ArticleStatus.WITHDRAWN);

  private final ArticleTables store;
  private final KbProcessPort process;
  private final SearchIndex searchIndex;
  private final Clock clock;

  Authoring(ArticleTables store, KbProcessPort process, SearchIndex searchIndex, Clock clock) {
    this.store = store;
    this.process = process;
    this.searchIndex = searchIndex;
    this.clock = clock;
  }

  @Transactional
  public Article create(ArticleDraft draft, String author) {
    return create(draft, author, null);
  }

  /** A new draft, version 1; {@code sourceTicket} when it was proposed from a ticket. */
  @Transactional
  public Article create(ArticleDraft draft, String author, String sourceTicket) {
    draft.validate();
    Long categoryId = categoryId(draft.categoryCode());
    Instant now = clock.instant();
    long id = store.insert(draft, categoryId, author, now, sourceTicket, null);
    store.insertVersion(
        id, 1, author, now, draft.changeNote(), ArticleText.of(draft.categoryCode(), draft));
    store.insertEvent(id, now, author, "CREATED", sourceTicket == null ? null : sourceTicket);
    return get(id);
  }

  /** Saves a new version of a draft (or of a withdrawn article, which becomes a draft again). */
  @Transactional
  public Article update(long id, ArticleDraft draft, String author) {
    draft.validate();
    Article current = get(id);
    if (!EDITABLE.contains(current.status())) {
      throw new ConflictException(
          409,
          "Article "
              + id
              + " is "
              + current.status()
              + ": only drafts are edited (a published article is revised through its review task)");
    }
    Long categoryId = categoryId(draft.categoryCode());
    String text = ArticleText.of(draft.categoryCode(), draft);
    List<ArticleVersion> versions = store.versions(id);
    if (!versions.isEmpty() && versions.get(versions.size() - 1).content().equals(text)) {
      return current;
    }
    Instant now = clock.instant();
    int version = current.version() + 1;
    store.update(id, draft, categoryId, version, author, now);
    store.insertVersion(id, version, author, now, draft.changeNote(), text);
    store.insertEvent(id, now, author, "EDITED", draft.changeNote());
    if (current.status() == ArticleStatus.WITHDRAWN) {
      store.setStatus(id, ArticleStatus.DRAFT, author, now);
    }
    return get(id);
  }

  /**
   * Sends a draft to review: starts its publication workflow, or completes the author's open
   * "revise" task when a reviewer had sent it back.
   */
  @Transactional
  public Article submit(long id, String author) {
    Article article = get(id);
    if (!EDITABLE.contains(article.status())) {
      throw new ConflictException(
          409, "Article " + id + " is " + article.status() + ", not a draft");
    }
    if (process.isRunning(id)) {
      if (!process.resubmit(id, author)) {
        throw new ConflictException(409, "Article " + id + " is already in its workflow");
      }
    } else {
      // who submits is recorded (four eyes: they may not review it); a resubmission is recorded by
      // the workflow's task listener as the "write the draft" task's SUBMIT decision
      store.insertEvent(id, clock.instant(), author, "SUBMIT", null);
      process.start(id, true);
    }
    return get(id);
  }

  /** Asks the workflow to withdraw (or archive) a published article; without one, does it now. */
  @Transactional
  public Article remove(long id, boolean withdraw, String actor) {
    Article article = get(id);
    if (article.status() == ArticleStatus.ARCHIVED
        || (withdraw && article.status() != ArticleStatus.PUBLISHED)) {
      throw new ConflictException(409, "Article " + id + " is " + article.status());
    }
    if (!process.requestRemoval(id, withdraw)) {
      Instant now = clock.instant();
      store.setStatus(id, withdraw ? ArticleStatus.WITHDRAWN : ArticleStatus.ARCHIVED, actor, now);
      store.insertEvent(id, now, actor, withdraw ? "WITHDRAWN" : "ARCHIVED", null);
      searchIndex.enqueue(id);
    }
    return get(id);
  }

  public Article get(long id) {
    return store.find(id).orElseThrow(() -> new NotFoundException("No article " + id));
  }

  /** The author's articles (or everyone's, for {@code null}), latest change first. */
  public Page<Article> list(String author, List<ArticleStatus> statuses, int page, int size) {
    List<ArticleStatus> wanted =
        statuses == null || statuses.isEmpty() ? List.of(ArticleStatus.values()) : statuses;
    List<Long> ids = store.ids(author, wanted, page * size, size);
    return new PageImpl<>(
        store.findAll(ids), PageRequest.of(page, size), store.count(author, wanted));
  }

  public List<ArticleVersion> versions(long id) {
    get(id);
    return store.versions(id);
  }

  public List<ArticleEvent> events(long id) {
    get(id);
    return store.events(id);
  }

  /** The unified diff from one version to another (lines starting with -, + or a space). */
  public List<String> diff(long id, int from, int to) {
    List<ArticleVersion> versions = versions(id);
    ArticleVersion older = version(versions, from, "from");
    ArticleVersion newer = version(versions, to, "to");
    return ArticleText.diff(
        "versione " + older.version(),
        older.content(),
        "versione " + newer.version(),
        newer.content());
  }

  private static ArticleVersion version(List<ArticleVersion> versions, int number, String field) {
    return versions.stream()
        .filter(v -> v.version() == number)
        .findFirst()
        .orElseThrow(() -> new InvalidRequestException(field, "no version " + number));
  }

  private Long categoryId(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    return store
        .category(code)
        .orElseThrow(
            () -> new InvalidRequestException("categoryCode", "no category '" + code + "'"))
        .id();
  }
}
