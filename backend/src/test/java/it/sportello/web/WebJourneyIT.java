package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.sportello.IntegrationTest;
import it.sportello.search.SearchIndex;
import it.sportello.search.embedded.EmbeddedSearchNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operators' journey in headless Chromium against the running application, in Italian and in
 * English: {@code frontend/e2e/journey.mjs} (playwright-core with Debian's Chromium, axe-core on
 * every page), with the search node for the articles suggested in the ticket. Screenshots of every
 * step land in {@code backend/target/e2e-screenshots/}.
 */
class WebJourneyIT extends IntegrationTest {

  private static final Path FRONTEND =
      Path.of(System.getProperty("sportello.frontend.dir", "../frontend"))
          .toAbsolutePath()
          .normalize();
  private static final Path SCREENSHOTS = Path.of("target/e2e-screenshots").toAbsolutePath();

  @LocalServerPort int port;
  @Autowired EmbeddedSearchNode node;
  @Autowired SearchIndex searchIndex;

  /** The ticket page suggests articles: the search node answers, its index in step. */
  @BeforeEach
  void searchNodeIsUpAndTheIndexInStep() throws Exception {
    node.start();
    node.ready().get(180, TimeUnit.SECONDS);
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(() -> searchIndex.check() != null);
    searchIndex.processPending();
    if (!searchIndex.check().consistent()) {
      searchIndex.reindex();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"it", "en"})
  void levelOneEscalatesLevelTwoResolvesAndEveryPageIsAccessible(String language)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("journey-" + language, ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                "node",
                "e2e/journey.mjs",
                "http://localhost:" + port,
                SCREENSHOTS.toString(),
                language)
            .directory(FRONTEND.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // the journey signs a call event to pop it on the operator's screen
    builder.environment().put("SPORTELLO_PHONE_WEBHOOK_SECRET", PHONE_WEBHOOK_SECRET);
    Process journey = builder.start();
    boolean finished = journey.waitFor(5, TimeUnit.MINUTES);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    if (!finished) {
      journey.destroyForcibly();
    }

    assertThat(finished).as("journey finished in time:%n%s", output).isTrue();
    assertThat(journey.exitValue()).as("journey output:%n%s", output).isZero();
    assertThat(output).contains("journey " + language + ": ticket RS-");
    try (var shots = Files.list(SCREENSHOTS)) {
      assertThat(shots.filter(shot -> shot.getFileName().toString().startsWith(language + "-")))
          .hasSizeGreaterThanOrEqualTo(7);
    }
  }
}
