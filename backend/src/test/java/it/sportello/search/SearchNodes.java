package it.sportello.search;

import static org.awaitility.Awaitility.await;

import it.sportello.search.embedded.EmbeddedSearchNode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/** For the integration tests that search: the embedded node up, its index in step. */
public final class SearchNodes {

  private SearchNodes() {}

  /**
   * Starts the node (once per test JVM), waits until the index answers, indexes what is queued, and
   * rebuilds the index when it differs from the database.
   */
  public static void upAndInStep(EmbeddedSearchNode node, SearchIndex index) throws Exception {
    up(node, index);
    index.processPending();
    if (!index.check().consistent()) {
      index.reindex();
    }
  }

  /**
   * As {@link #up}, then rebuilds the index when its mapping is not the current one; a client of
   * the node's own API, for the caller to close.
   */
  public static RestClient upWithCurrentIndex(
      EmbeddedSearchNode node, SearchIndex index, SearchEngine engine) throws Exception {
    up(node, index);
    if (!engine.isCurrent()) {
      index.reindex();
    }
    return RestClient.builder(HttpHost.create(node.url())).build();
  }

  /** Starts the node (once per test JVM) and waits until the index answers. */
  public static void up(EmbeddedSearchNode node, SearchIndex index) throws Exception {
    node.start();
    node.ready().get(180, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> index.check() != null);
  }
}
