package it.sportello.search;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The search engine's health ({@code /actuator/health/search}): up when the cluster answers, else
 * {@code DEGRADED} (the rest of the application works); with the changes still queued for the
 * index.
 */
@Component("searchHealthIndicator")
class SearchHealthIndicator extends AbstractHealthIndicator {

  /**
   * The application works without search (knowledge base search answers 503, the index catches up).
   */
  static final Status DEGRADED = new Status("DEGRADED");

  private final SearchEngine engine;
  private final SearchIndex index;
  private final LocalSearchNode localNode;

  SearchHealthIndicator(
      SearchEngine engine, SearchIndex index, ObjectProvider<LocalSearchNode> localNode) {
    super("Search engine check failed");
    this.engine = engine;
    this.index = index;
    this.localNode = localNode.getIfAvailable();
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    if (localNode != null && !localNode.started()) {
      // the embedded node starts on first use (tests): a health check does not start it
      builder.unknown().withDetail("embedded", "not started");
    } else if (engine.isAvailable()) {
      builder.up();
    } else {
      builder.status(DEGRADED).withDetail("error", "the search engine does not answer");
    }
    builder.withDetail("queued", index.pending());
  }
}
