package it.sportello.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * {@code /actuator/health/search-index}: UP only once the index was checked against the database
 * (and rebuilt if it differed) after the start: what a restore waits for.
 */
class SearchIndexHealthIndicatorTest {

  @Test
  void upOnlyOnceTheStartupCheckAndRebuildAreDone() {
    SearchIndex index = mock(SearchIndex.class);
    SearchIndexHealthIndicator indicator = new SearchIndexHealthIndicator(index);

    when(index.startupState()).thenReturn("rebuilding");
    Health rebuilding = indicator.health();
    assertThat(rebuilding.getStatus()).isEqualTo(Status.UNKNOWN);
    assertThat(rebuilding.getDetails()).containsEntry("startup", "rebuilding");

    when(index.startupState()).thenReturn("ready");
    assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
  }
}
