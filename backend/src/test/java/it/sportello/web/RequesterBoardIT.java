package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The supervisor's board and the requester page in headless Chromium ({@code
 * frontend/e2e/requester.mjs}): the supervisor assigns an office's waiting task from the board, an
 * operator edits a requester's phone from a task and sees the change traced; axe-clean, no sideways
 * overflow at 390 px. Screenshots land in {@code backend/target/e2e-screenshots/}.
 */
class RequesterBoardIT extends BrowserIT {

  @ParameterizedTest
  @ValueSource(strings = {"it", "en"})
  void supervisorAssignsFromTheBoardAndAnOperatorEditsARequester(String language)
      throws IOException, InterruptedException {
    String output = browse("requester.mjs", language, Duration.ofMinutes(4));
    assertThat(output)
        .contains("requester " + language + ": board assignment and requester edit done");
  }
}
