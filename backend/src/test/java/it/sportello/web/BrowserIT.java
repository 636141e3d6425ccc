package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.IntegrationTest;
import it.sportello.search.SearchIndex;
import it.sportello.search.SearchNodes;
import it.sportello.search.embedded.EmbeddedSearchNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: the application on its random port, a script of {@code frontend/e2e/}
 * run in headless Chromium by {@link BrowserScript}, and the checks every such test makes (it
 * finished in time, it exited 0; the output is in the failure message).
 */
abstract class BrowserIT extends IntegrationTest {

  @LocalServerPort protected int port;
  @Autowired private EmbeddedSearchNode searchNode;
  @Autowired private SearchIndex searchIndex;

  /**
   * Runs {@code script} in {@code language} with extra environment variables; fails the test unless
   * it finished within {@code timeout} and exited 0.
   *
   * @return what the script printed
   */
  protected String browse(
      String script, String language, Map<String, String> environment, Duration timeout)
      throws IOException, InterruptedException {
    BrowserScript.Run run = BrowserScript.run(script, port, language, environment, timeout);
    String name = script.replaceFirst("\\.mjs$", "");
    String output = run.output();
    assertThat(run.finished()).as("%s finished in time:%n%s", name, output).isTrue();
    assertThat(run.exitValue()).as("%s output:%n%s", name, output).isZero();
    return output;
  }

  /** {@link #browse(String, String, Map, Duration)} without extra environment variables. */
  protected String browse(String script, String language, Duration timeout)
      throws IOException, InterruptedException {
    return browse(script, language, Map.of(), timeout);
  }

  /**
   * For pages that suggest knowledge articles: the search node answers and its index is in step
   * with the database (call it from a {@code @BeforeEach}).
   */
  protected void awaitSearchInStep() throws Exception {
    SearchNodes.upAndInStep(searchNode, searchIndex);
  }
}
