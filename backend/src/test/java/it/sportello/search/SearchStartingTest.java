package it.sportello.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * While the index is being checked or rebuilt after a start, a search answers 503 "starting" with
 * {@code Retry-After}, never a result that is short only because the index is not complete.
 */
class SearchStartingTest {

  @Test
  void aSearchBeforeTheStartupCheckIsRefusedAsStarting() {
    SearchIndex index = index(true);

    assertThat(index.startupState()).isEqualTo("waiting");
    assertThatThrownBy(index::requireReady)
        .isInstanceOfSatisfying(
            SearchUnavailableException.class,
            refused -> {
              MockHttpServletResponse response = new MockHttpServletResponse();
              ProblemDetail problem = refused.problem(response);
              assertThat(refused.isStarting()).isTrue();
              assertThat(problem.getStatus()).isEqualTo(503);
              assertThat(problem.getTitle()).isEqualTo("Search starting");
              assertThat(problem.getProperties()).containsEntry("state", "starting");
              assertThat(response.getHeader("Retry-After")).isEqualTo("5");
            });
  }

  @Test
  void withoutTheBackgroundIndexerNothingIsAwaited() {
    index(false).requireReady();
  }

  @Test
  void anUnreachableEngineIsUnavailableWithALongerRetryAfter() {
    MockHttpServletResponse response = new MockHttpServletResponse();
    ProblemDetail problem = new SearchUnavailableException("refused", null).problem(response);
    assertThat(problem.getTitle()).isEqualTo("Search unavailable");
    assertThat(response.getHeader("Retry-After")).isEqualTo("30");
  }

  private static SearchIndex index(boolean indexer) {
    SearchProperties properties =
        new SearchProperties(
            "http://localhost:9200",
            null,
            null,
            "sportello-kb",
            Duration.ofSeconds(10),
            List.of(),
            new SearchProperties.Indexer(indexer, Duration.ofSeconds(5), 200, true),
            new SearchProperties.Embedded(
                false, false, "./data/search", 0, "512m", Duration.ofSeconds(120), true));
    return new SearchIndex(
        mock(JdbcClient.class),
        mock(SearchEngine.class),
        mock(DocumentSource.class),
        properties,
        mock(TransactionTemplate.class),
        Clock.systemUTC());
  }
}
