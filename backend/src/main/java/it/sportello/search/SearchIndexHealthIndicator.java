package it.sportello.search;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Whether the search index is complete after a start (the health group {@code
 * /actuator/health/search-index}, open like readiness; the component's own path shows only to
 * authorised users): {@code UP} once the indexer has compared the index with the database and
 * rebuilt it if it differed (e.g. after a restore into a fresh PostgreSQL, an empty index); {@code
 * UNKNOWN} before, with the step ({@code waiting}, {@code rebuilding}) as its detail. UNKNOWN
 * changes neither the overall health nor the alerts: a restore's runbook and the restore benchmark
 * wait for UP.
 */
@Component("searchIndexHealthIndicator")
class SearchIndexHealthIndicator extends AbstractHealthIndicator {

  private final SearchIndex index;

  SearchIndexHealthIndicator(SearchIndex index) {
    super("Search index check failed");
    this.index = index;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    String state = index.startupState();
    if ("ready".equals(state)) {
      builder.up();
    } else {
      builder.unknown();
    }
    builder.withDetail("startup", state);
  }
}
