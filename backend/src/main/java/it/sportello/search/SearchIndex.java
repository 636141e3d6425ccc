package it.sportello.search;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the search index in step with the database. A change queues its object in {@code
 * search_outbox} in the same transaction ({@link #enqueue}); after the commit, and every poll
 * interval, a worker rebuilds each queued object's entries from the database and removes the row
 * only once the engine took them. A failure (engine down, refused request) stays queued and is
 * retried with a growing delay: nothing is lost, and nothing a user does waits for the engine.
 */
@Service
public class SearchIndex {

  /** The kind of the knowledge-base articles in the outbox. */
  public static final String ARTICLE = "ARTICLE";

  private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
  private static final Duration MAX_DELAY = Duration.ofMinutes(10);

  private final JdbcClient jdbc;
  private final SearchEngine engine;
  private final DocumentSource source;
  private final SearchProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final AtomicBoolean checked = new AtomicBoolean();

  /** Where the startup check stands: waiting (engine not answering yet), rebuilding, ready. */
  private volatile String startup = "waiting";

  private ScheduledExecutorService worker;

  SearchIndex(
      JdbcClient jdbc,
      SearchEngine engine,
      DocumentSource source,
      SearchProperties properties,
      TransactionTemplate transactions,
      Clock clock) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.source = source;
    this.properties = properties;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Queues an article for (re)indexing in the caller's transaction; queuing twice is one row. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(long sourceId) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into sportello.search_outbox (document_kind, document_id, next_attempt_at, created_at)
            values (?, ?, ?, ?)
            on conflict (document_kind, document_id)
            do update set next_attempt_at = excluded.next_attempt_at, attempts = 0""")
        .params(ARTICLE, sourceId, now, now)
        .update();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              wakeUp();
            }
          });
    }
  }

  /** Entries waiting (due now or later). */
  public long pending() {
    return jdbc.sql("select count(*) from sportello.search_outbox").query(Long.class).single();
  }

  /**
   * Takes every queued entry that is due, in order; returns how many reached the engine. Safe to
   * run on several nodes and threads at once (rows are locked, others skipped).
   */
  public int processPending() {
    int done = 0;
    while (true) {
      Integer batch = transactions.execute(status -> processBatch());
      if (batch == null || batch < 0) {
        return done;
      }
      done += batch;
    }
  }

  /** Returns -1 when nothing was due, else the entries that reached the engine. */
  private int processBatch() {
    Instant now = clock.instant();
    List<Long> ids =
        jdbc.sql(
                "select document_id from sportello.search_outbox where document_kind = ? and"
                    + " next_attempt_at <= ? order by id limit ? for update skip locked")
            .params(ARTICLE, Timestamp.from(now), properties.indexer().batchSize())
            .query(Long.class)
            .list();
    if (ids.isEmpty()) {
      return -1;
    }
    try {
      List<IndexedDocument> documents = new ArrayList<>();
      for (Long id : ids) {
        documents.addAll(source.documents(id));
      }
      engine.replace(ids, documents);
      jdbc.sql(
              "delete from sportello.search_outbox where document_kind = :kind and document_id in (:ids)")
          .param("kind", ARTICLE)
          .param("ids", ids)
          .update();
      return ids.size();
    } catch (RuntimeException e) {
      String error = String.valueOf(e.getMessage());
      jdbc.sql(
              """
              update sportello.search_outbox set attempts = attempts + 1,
                next_attempt_at = :now + make_interval(secs => least(:max, 5 * power(2, least(attempts, 8)))),
                last_error = :error
              where document_kind = :kind and document_id in (:ids)""")
          .param("now", Timestamp.from(now))
          .param("max", MAX_DELAY.toSeconds())
          .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
          .param("kind", ARTICLE)
          .param("ids", ids)
          .update();
      log.warn("Search index: {} articles not indexed yet, retried later: {}", ids.size(), error);
      return -1;
    }
  }

  /** Makes every queued entry due now (e.g. after the engine came back). */
  public void retryNow() {
    jdbc.sql("update sportello.search_outbox set next_attempt_at = ?")
        .param(Timestamp.from(clock.instant()))
        .update();
  }

  /** Rebuilds the whole index from the database behind its alias; returns the documents written. */
  public long reindex() {
    long[] written = {0};
    engine.rebuild(
        () ->
            new Iterator<>() {
              long after = 0;
              List<Long> next = source.searchableIds(after, 500);

              @Override
              public boolean hasNext() {
                return !next.isEmpty();
              }

              @Override
              public List<IndexedDocument> next() {
                if (next.isEmpty()) {
                  throw new NoSuchElementException();
                }
                List<IndexedDocument> documents = new ArrayList<>();
                for (Long id : next) {
                  documents.addAll(source.documents(id));
                }
                after = next.get(next.size() - 1);
                next = source.searchableIds(after, 500);
                written[0] += documents.size();
                return documents;
              }
            });
    log.info("Search index rebuilt from the database: {} documents", written[0]);
    return written[0];
  }

  /**
   * Whether the index has been checked against the database since the start, and rebuilt if it
   * differed: {@code waiting} (the engine does not answer yet, or the indexer is off), {@code
   * rebuilding}, {@code ready}.
   */
  public String startupState() {
    return startup;
  }

  /**
   * Refuses a search while the index is not known to be complete: after a start, until the engine
   * answers and the index has been checked against the database (and rebuilt where it differed).
   * Without the background indexer (the tests index explicitly) there is nothing to wait for.
   *
   * @throws SearchUnavailableException "starting" (503 with {@code Retry-After})
   */
  public void requireReady() {
    if (properties.indexer().enabled() && !"ready".equals(startup)) {
      throw SearchUnavailableException.starting();
    }
  }

  /** The index against the database: how many documents each holds. */
  public Consistency check() {
    engine.ensureIndex();
    return new Consistency(source.expectedDocuments(), engine.count(), pending());
  }

  /**
   * @param expected documents the database says must be searchable
   * @param indexed entries in the index
   * @param queued changes still waiting in the outbox
   */
  public record Consistency(long expected, long indexed, long queued) {
    public boolean consistent() {
      return expected == indexed && queued == 0;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // the worker

  @EventListener(ApplicationReadyEvent.class)
  void startWorker() {
    if (!properties.indexer().enabled()) {
      return;
    }
    worker =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "search-indexer");
              thread.setDaemon(true);
              return thread;
            });
    long interval = properties.indexer().pollInterval().toMillis();
    worker.scheduleWithFixedDelay(this::work, 0, interval, TimeUnit.MILLISECONDS);
  }

  @EventListener(ContextClosedEvent.class)
  void stopWorker() {
    if (worker != null) {
      worker.shutdownNow();
    }
  }

  private void wakeUp() {
    ScheduledExecutorService current = worker;
    if (current != null && !current.isShutdown()) {
      current.execute(this::work);
    }
  }

  private void work() {
    try {
      if (!engine.isAvailable()) {
        return;
      }
      if (!checked.get()) {
        engine.ensureIndex();
        if (!engine.isCurrent()) {
          log.info("Search index built with other analysis or fields: rebuilding");
          startup = "rebuilding";
          reindex();
        } else if (properties.indexer().checkOnStartup()) {
          Consistency consistency = check();
          if (consistency.expected() != consistency.indexed()) {
            log.info("Search index differs from the database ({}): rebuilding", consistency);
            startup = "rebuilding";
            reindex();
          }
        }
        checked.set(true);
        startup = "ready";
      }
      processPending();
    } catch (RuntimeException e) {
      log.warn("Search indexer: {}", e.getMessage());
    }
  }
}
