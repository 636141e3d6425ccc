package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Canned replies in headless Chromium, in Italian and in English: {@code frontend/e2e/canned.mjs}
 * has level 1 open a ticket's task, pick a shared canned reply with the keyboard and find the reply
 * box holding it in the ticket's language with the requester's name and the ticket's number; the
 * picker, the management page and its form without a serious axe violation.
 */
class CannedRepliesIT extends BrowserIT {

  @ParameterizedTest
  @ValueSource(strings = {"it", "en"})
  void anOperatorInsertsACannedReplyIntoTheReplyBox(String language)
      throws IOException, InterruptedException {
    String output = browse("canned.mjs", language, Duration.ofMinutes(4));
    assertThat(output).contains("canned " + language + ": the reply box holds the rendered reply");
  }
}
