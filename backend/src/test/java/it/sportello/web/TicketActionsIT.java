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
 * Merge and reclassify from the workspace in headless Chromium: {@code frontend/e2e/merge.mjs}
 * merges a duplicate into another ticket of the same requester with the "Merge…" dialog, then
 * reclassifies the primary with the "Reclassify…" dialog; axe-clean dialogs.
 */
class TicketActionsIT extends IntegrationTest {

  @LocalServerPort int port;

  // in both languages of the interface, with the texts of its locale files
  @ParameterizedTest
  @ValueSource(strings = {"it", "en"})
  void anOperatorMergesADuplicateAndReclassifiesTheTicketFromTheWorkspace(String language)
      throws IOException, InterruptedException {
    BrowserScript.Run merge =
        BrowserScript.run("merge.mjs", port, language, Map.of(), Duration.ofMinutes(4));
    String output = merge.output();

    assertThat(merge.finished()).as("merge finished in time:%n%s", output).isTrue();
    assertThat(merge.exitValue()).as("merge output:%n%s", output).isZero();
    assertThat(output)
        .containsPattern(
            "merge " + language + ": RS-\\S+ merged into RS-\\S+, which was reclassified");
  }
}
