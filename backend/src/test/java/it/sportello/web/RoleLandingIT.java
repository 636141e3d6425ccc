package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every demo role in headless Chromium, in Italian and in English: {@code frontend/e2e/roles.mjs}
 * logs in as each, checks it lands on the page it works on, opens every tab it is offered without
 * an error banner or a console error, and at phone width finds the tabs folded into a menu and no
 * page wider than the screen. axe finds no serious violation on any page in either language, nor on
 * any role's view of a page in the one language that scans it (the two take turns). Screenshots of
 * the scanned pages land in {@code backend/target/e2e-screenshots/}.
 */
class RoleLandingIT extends BrowserIT {

  @ParameterizedTest
  @ValueSource(strings = {"it", "en"})
  void everyRoleLandsOnAUsablePage(String language) throws IOException, InterruptedException {
    // 73 pages, about fifty scanned by axe: minutes on a quiet machine, far more on a loaded one
    String output = browse("roles.mjs", language, Duration.ofMinutes(10));
    assertThat(output).contains("roles " + language + ": 15 roles landed");
  }
}
