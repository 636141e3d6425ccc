package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.IntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervisor's board and the requester page in headless Chromium ({@code
 * frontend/e2e/requester.mjs}): the supervisor assigns an office's waiting task from the board, an
 * operator edits a requester's phone from a task and sees the change traced; axe-clean, no sideways
 * overflow at 390 px. Screenshots land in {@code backend/target/e2e-screenshots/}.
 */
class RequesterBoardIT extends IntegrationTest {

  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(strings = {"it", "en"})
  void supervisorAssignsFromTheBoardAndAnOperatorEditsARequester(String language)
      throws IOException, InterruptedException {
    BrowserScript.Run run =
        BrowserScript.run("requester.mjs", port, language, Map.of(), Duration.ofMinutes(4));
    String output = run.output();

    assertThat(run.finished()).as("requester finished in time:%n%s", output).isTrue();
    assertThat(run.exitValue()).as("requester output:%n%s", output).isZero();
    assertThat(output)
        .contains("requester " + language + ": board assignment and requester edit done");
  }
}
