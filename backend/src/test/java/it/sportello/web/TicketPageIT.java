package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.IntegrationTest;
import it.sportello.search.SearchIndex;
import it.sportello.search.SearchNodes;
import it.sportello.search.embedded.EmbeddedSearchNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The ticket page in headless Chromium, in Italian and in English: {@code frontend/e2e/ticket.mjs}
 * opens a ticket's page from the inbox, reads its conversation, adds an internal note and a public
 * reply with an article's answer inserted from the knowledge-base panel, and sees both in the
 * conversation; opens a closed ticket's page by its number, an unknown and a forbidden one; at
 * phone width the page does not overflow; axe-core on every page.
 */
class TicketPageIT extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired EmbeddedSearchNode node;
  @Autowired SearchIndex searchIndex;

  /** The page suggests articles: the search node answers, its index in step. */
  @BeforeEach
  void searchNodeIsUpAndTheIndexInStep() throws Exception {
    SearchNodes.upAndInStep(node, searchIndex);
  }

  @ParameterizedTest
  @ValueSource(strings = {"it", "en"})
  void theTicketPageShowsOneConversationAndOneReplyBox(String language)
      throws IOException, InterruptedException {
    BrowserScript.Run ticket =
        BrowserScript.run("ticket.mjs", port, language, Map.of(), Duration.ofMinutes(4));
    String output = ticket.output();

    assertThat(ticket.finished()).as("ticket finished in time:%n%s", output).isTrue();
    assertThat(ticket.exitValue()).as("ticket output:%n%s", output).isZero();
    assertThat(output).contains("ticket " + language + ": conversation of RS-");
  }
}
