package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two operators in two browser contexts ({@code frontend/e2e/aware.mjs}): the second to open a
 * ticket's task is warned that the first is replying before typing; an assignment and a citizen's
 * reply make the assignee's bell count rise live; the inbox row gets its badge; axe clean.
 */
class AwarenessIT extends BrowserIT {

  /** The task page suggests articles: the search node answers, its index in step. */
  @BeforeEach
  void searchNodeIsUpAndTheIndexInStep() throws Exception {
    awaitSearchInStep();
  }

  @ParameterizedTest
  @ValueSource(strings = {"it", "en"})
  void theSecondOperatorIsWarnedAndTheBellCountsUp(String language)
      throws IOException, InterruptedException {
    String output = browse("aware.mjs", language, Duration.ofMinutes(4));
    assertThat(output).contains("aware " + language + ": the second operator was warned");
  }
}
