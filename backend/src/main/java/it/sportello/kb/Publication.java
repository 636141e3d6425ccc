package it.sportello.kb;

import it.sportello.search.SearchIndex;
import it.sportello.shared.ConflictException;
import it.sportello.shared.NotFoundException;
import it.sportello.sla.SlaService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business steps of the {@code kb-publication} workflow, called by its delegates and task
 * listener. Each is idempotent: a retried job that calls it again changes nothing more.
 */
@Service
public class Publication {

  /** Without a review date of its own, a published article is reviewed after a year. */
  static final int DEFAULT_REVIEW_MONTHS = 12;

  /** Events by which someone wrote or submitted (part of) an article version. */
  static final Set<String> AUTHORING_EVENTS = Set.of("CREATED", "EDITED", "IMPORTED", "SUBMIT");

  private static final String PUBLISHED = "PUBLISHED";
  private static final Logger log = LoggerFactory.getLogger(Publication.class);

  private final ArticleTables store;
  private final SearchIndex searchIndex;
  private final Clock clock;
  private final ZoneId zone;

  Publication(ArticleTables store, SearchIndex searchIndex, Clock clock, SlaService sla) {
    this.store = store;
    this.searchIndex = searchIndex;
    this.clock = clock;
    this.zone = sla.calendar().zone();
  }

  /** The service calendar's zone, in which review dates fall. */
  public ZoneId zone() {
    return zone;
  }

  /** The draft goes to the reviewers. */
  @Transactional
  public void submitted(long id) {
    move(id, ArticleStatus.IN_REVIEW, "SUBMITTED", null);
  }

  /** A reviewer sent the draft back to its authors. */
  @Transactional
  public void sentBack(long id) {
    move(id, ArticleStatus.DRAFT, "SENT_BACK_TO_DRAFT", null);
  }

  /**
   * Publishes the approved article: visible to its audience, queued for the search index. Returns
   * the date of its next scheduled review.
   */
  @Transactional
  public LocalDate publish(long id) {
    Article article = article(id);
    if (article.status() != ArticleStatus.PUBLISHED) {
      move(id, ArticleStatus.PUBLISHED, PUBLISHED, "versione " + article.version());
    }
    LocalDate reviewAt = article.reviewAt();
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    if (reviewAt == null || !reviewAt.isAfter(today)) {
      reviewAt = today.plusMonths(DEFAULT_REVIEW_MONTHS);
      store.setReviewAt(id, reviewAt);
    }
    searchIndex.enqueue(id);
    return reviewAt;
  }

  /** Tells the subscribers of the article's topic and reason that it was published. */
  @Transactional
  public List<String> notifyPublished(long id) {
    Article article = article(id);
    List<String> subscribers = store.subscribers(article.categoryId());
    boolean alreadyNotified =
        store.events(id).stream()
            .anyMatch(
                e ->
                    e.kind().equals("SUBSCRIBERS_NOTIFIED")
                        && ("versione " + article.version()).equals(firstLine(e.comment())));
    if (!alreadyNotified) {
      store.insertEvent(
          id,
          clock.instant(),
          "system",
          "SUBSCRIBERS_NOTIFIED",
          "versione " + article.version() + "\n" + String.join(", ", subscribers));
      log.info("Article {} published: {} subscribers notified", id, subscribers.size());
    }
    return subscribers;
  }

  /** The scheduled review confirmed the article: returns its next review date. */
  @Transactional
  public LocalDate confirmValidity(long id, String reviewer) {
    LocalDate next = LocalDate.ofInstant(clock.instant(), zone).plusMonths(DEFAULT_REVIEW_MONTHS);
    store.setReviewAt(id, next);
    store.insertEvent(
        id,
        clock.instant(),
        reviewer == null ? "system" : reviewer,
        "VALIDITY_CONFIRMED",
        next.toString());
    return next;
  }

  /** The published article goes back to its authors for a revision (out of search meanwhile). */
  @Transactional
  public void reopen(long id) {
    move(id, ArticleStatus.DRAFT, "REOPENED_FOR_REVISION", null);
    searchIndex.enqueue(id);
  }

  @Transactional
  public void withdraw(long id) {
    move(id, ArticleStatus.WITHDRAWN, "WITHDRAWN", null);
    searchIndex.enqueue(id);
  }

  @Transactional
  public void archive(long id) {
    move(id, ArticleStatus.ARCHIVED, "ARCHIVED", null);
    searchIndex.enqueue(id);
  }

  /**
   * Four eyes: the reviewer of the article's pending version is none of its authors, nor who
   * submitted it for review (since its last publication: creation, edits, imports, submissions).
   * Checked when the review is taken (claim, hand-over) and when it is decided, by our API and by
   * the engine's task listener alike.
   *
   * @throws ConflictException 409 naming the reason when {@code reviewer} may not review it
   */
  @Transactional(readOnly = true)
  public void checkReviewer(long id, String reviewer) {
    if (reviewer == null) {
      return;
    }
    Article article = article(id);
    if (authorsOfPendingVersion(id).contains(reviewer)) {
      throw new ConflictException(
          409,
          "Four eyes: "
              + reviewer
              + " wrote or submitted version "
              + article.version()
              + " of article "
              + id
              + "; another reviewer must review it.");
    }
  }

  /** Who wrote or submitted what has not been published yet. */
  private Set<String> authorsOfPendingVersion(long id) {
    List<ArticleEvent> events = store.events(id);
    int lastPublication = -1;
    for (int i = 0; i < events.size(); i++) {
      if (PUBLISHED.equals(events.get(i).kind())) {
        lastPublication = i;
      }
    }
    Set<String> authors = new HashSet<>();
    for (ArticleEvent event : events.subList(lastPublication + 1, events.size())) {
      if (AUTHORING_EVENTS.contains(event.kind())) {
        authors.add(event.actor());
      }
    }
    List<ArticleVersion> versions = store.versions(id);
    if (!versions.isEmpty()) {
      authors.add(versions.get(versions.size() - 1).author());
    }
    return authors;
  }

  /** A decision taken in a workflow task (approve, send back, ...), with its comment. */
  @Transactional
  public void recordDecision(long id, String actor, String decision, String comment) {
    store.insertEvent(
        id, clock.instant(), actor == null ? "unknown" : actor, decision, blankToNull(comment));
  }

  public Article article(long id) {
    return store.find(id).orElseThrow(() -> new NotFoundException("No article " + id));
  }

  private void move(long id, ArticleStatus status, String event, String comment) {
    Article article = article(id);
    if (article.status() == status) {
      return;
    }
    Instant now = clock.instant();
    store.setStatus(id, status, "system", now);
    store.insertEvent(id, now, "system", event, comment);
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.split("\n", 2)[0];
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
