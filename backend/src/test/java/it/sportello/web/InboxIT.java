package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The inbox at work speed in headless Chromium: {@code frontend/e2e/inbox.mjs} opens fourteen
 * tickets, finds at least twelve rows in a 1366x768 window, takes two at once with the bulk bar,
 * walks a level-1 ticket from the inbox to its completed form with the keyboard only, opens the
 * shortcuts' help, and checks the page at 390 px; axe-core on every state. Screenshots land in
 * {@code backend/target/e2e-screenshots/}.
 */
class InboxIT extends BrowserIT {

  // in both languages of the interface, with the texts of its locale files
  @ParameterizedTest
  @ValueSource(strings = {"it", "en"})
  void aDozenTicketsFitBulkTakeAndAKeyboardOnlyLevelOneJourney(String language)
      throws IOException, InterruptedException {
    String output = browse("inbox.mjs", language, Duration.ofMinutes(5));
    assertThat(output).contains("inbox " + language + ": bulk take and keyboard journey done");
  }
}
