package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operators' journey in headless Chromium against the running application, in Italian and in
 * English: {@code frontend/e2e/journey.mjs} (playwright-core with Debian's Chromium, axe-core on
 * every page), with the search node for the articles suggested in the ticket. Screenshots of every
 * step land in {@code backend/target/e2e-screenshots/}.
 */
class WebJourneyIT extends BrowserIT {

  /** The ticket page suggests articles: the search node answers, its index in step. */
  @BeforeEach
  void searchNodeIsUpAndTheIndexInStep() throws Exception {
    awaitSearchInStep();
  }

  @ParameterizedTest
  @ValueSource(strings = {"it", "en"})
  void levelOneEscalatesLevelTwoResolvesAndEveryPageIsAccessible(String language)
      throws IOException, InterruptedException {
    // the journey signs a call event to pop it on the operator's screen
    String output =
        browse(
            "journey.mjs",
            language,
            Map.of("SPORTELLO_PHONE_WEBHOOK_SECRET", PHONE_WEBHOOK_SECRET),
            Duration.ofMinutes(5));
    assertThat(output).contains("journey " + language + ": ticket RS-");
    try (var shots = Files.list(BrowserScript.SCREENSHOTS)) {
      assertThat(shots.filter(shot -> shot.getFileName().toString().startsWith(language + "-")))
          .hasSizeGreaterThanOrEqualTo(7);
    }
  }
}
