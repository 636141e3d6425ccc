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
 * Canned replies in headless Chromium, in Italian and in English: {@code frontend/e2e/canned.mjs}
 * has level 1 open a ticket's task, pick a shared canned reply with the keyboard and find the reply
 * box holding it in the ticket's language with the requester's name and the ticket's number; the
 * picker, the management page and its form without a serious axe violation.
 */
class CannedRepliesIT extends IntegrationTest {

  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(strings = {"it", "en"})
  void anOperatorInsertsACannedReplyIntoTheReplyBox(String language)
      throws IOException, InterruptedException {
    BrowserScript.Run canned =
        BrowserScript.run("canned.mjs", port, language, Map.of(), Duration.ofMinutes(4));
    String output = canned.output();

    assertThat(canned.finished()).as("canned finished in time:%n%s", output).isTrue();
    assertThat(canned.exitValue()).as("canned output:%n%s", output).isZero();
    assertThat(output).contains("canned " + language + ": the reply box holds the rendered reply");
  }
}
