package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.IntegrationTest;
import it.sportello.search.SearchIndex;
import it.sportello.search.SearchNodes;
import it.sportello.search.embedded.EmbeddedSearchNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two operators in two browser contexts ({@code frontend/e2e/aware.mjs}): the second to open a
 * ticket's task is warned that the first is replying before typing; an assignment and a citizen's
 * reply make the assignee's bell count rise live; the inbox row gets its badge; axe clean.
 */
class AwarenessIT extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired EmbeddedSearchNode node;
  @Autowired SearchIndex searchIndex;

  /** The task page suggests articles: the search node answers, its index in step. */
  @BeforeEach
  void searchNodeIsUpAndTheIndexInStep() throws Exception {
    SearchNodes.upAndInStep(node, searchIndex);
  }

  @ParameterizedTest
  @ValueSource(strings = {"it", "en"})
  void theSecondOperatorIsWarnedAndTheBellCountsUp(String language)
      throws IOException, InterruptedException {
    BrowserScript.Run aware =
        BrowserScript.run("aware.mjs", port, language, Map.of(), Duration.ofMinutes(4));
    String output = aware.output();

    assertThat(aware.finished()).as("aware finished in time:%n%s", output).isTrue();
    assertThat(aware.exitValue()).as("aware output:%n%s", output).isZero();
    assertThat(output).contains("aware " + language + ": the second operator was warned");
  }
}
