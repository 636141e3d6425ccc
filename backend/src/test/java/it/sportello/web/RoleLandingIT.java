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
 * Every demo role in headless Chromium, in Italian and in English: {@code frontend/e2e/roles.mjs}
 * logs in as each, checks it lands on the page it works on, opens every tab it is offered without
 * an error banner, a console error or a serious axe violation, and at phone width finds the tabs
 * folded into a menu and no page wider than the screen. Screenshots land in {@code
 * backend/target/e2e-screenshots/}.
 */
class RoleLandingIT extends IntegrationTest {

  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(strings = {"it", "en"})
  void everyRoleLandsOnAUsablePage(String language) throws IOException, InterruptedException {
    BrowserScript.Run roles =
        BrowserScript.run("roles.mjs", port, language, Map.of(), Duration.ofMinutes(6));
    String output = roles.output();

    assertThat(roles.finished()).as("roles finished in time:%n%s", output).isTrue();
    assertThat(roles.exitValue()).as("roles output:%n%s", output).isZero();
    assertThat(output).contains("roles " + language + ": 15 roles landed");
  }
}
