package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Merge and reclassify from the workspace in headless Chromium: {@code frontend/e2e/merge.mjs}
 * merges a duplicate into another ticket of the same requester with the "Merge…" dialog, then
 * reclassifies the primary with the "Reclassify…" dialog; axe-clean dialogs.
 */
class TicketActionsIT extends BrowserIT {

  // in both languages of the interface, with the texts of its locale files
  @ParameterizedTest
  @ValueSource(strings = {"it", "en"})
  void anOperatorMergesADuplicateAndReclassifiesTheTicketFromTheWorkspace(String language)
      throws IOException, InterruptedException {
    String output = browse("merge.mjs", language, Duration.ofMinutes(4));
    assertThat(output)
        .containsPattern(
            "merge " + language + ": RS-\\S+ merged into RS-\\S+, which was reclassified");
  }
}
