package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Ticket search in headless Chromium ({@code frontend/e2e/search.mjs}): by number, by a word of the
 * subject, a built-in view, a personal view saved and found again after navigating away; axe clean,
 * compact at 1366×768, no sideways overflow at 390 px.
 */
class TicketSearchIT extends BrowserIT {

  @Test
  void anOperatorFindsATicketByNumberAndWordAndKeepsAView()
      throws IOException, InterruptedException {
    String word = "zeta" + letters(6);
    for (int i = 0; i < 13; i++) {
      post("/api/tickets", "operator1", ticketRequest(fiscalCode(), "Riempitivo " + i));
    }
    String number =
        post("/api/tickets", "operator1", ticketRequest(fiscalCode(), "Richiesta " + word))
            .getBody()
            .get("number")
            .asText();

    String output =
        browse(
            "search.mjs",
            "it",
            Map.of("SEARCH_NUMBER", number, "SEARCH_WORD", word),
            Duration.ofMinutes(4));
    assertThat(output).contains("search it: number, word, view and saved view found");
  }

  private static String letters(int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return text.toString();
  }
}
