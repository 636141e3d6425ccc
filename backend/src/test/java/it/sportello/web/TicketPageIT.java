package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ticket page in headless Chromium, in Italian and in English: {@code frontend/e2e/ticket.mjs}
 * opens a ticket's page from the inbox, reads its conversation, adds an internal note and a public
 * reply with an article's answer inserted from the knowledge-base panel, and sees both in the
 * conversation; opens a closed ticket's page by its number, an unknown and a forbidden one; at
 * phone width the page does not overflow; axe-core on every page.
 */
class TicketPageIT extends BrowserIT {

  /** The page suggests articles: the search node answers, its index in step. */
  @BeforeEach
  void searchNodeIsUpAndTheIndexInStep() throws Exception {
    awaitSearchInStep();
  }

  @ParameterizedTest
  @ValueSource(strings = {"it", "en"})
  void theTicketPageShowsOneConversationAndOneReplyBox(String language)
      throws IOException, InterruptedException {
    String output = browse("ticket.mjs", language, Duration.ofMinutes(4));
    assertThat(output).contains("ticket " + language + ": conversation of RS-");
  }
}
