package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

  private static final Path FRONTEND =
      Path.of(System.getProperty("sportello.frontend.dir", "../frontend"))
          .toAbsolutePath()
          .normalize();
  private static final Path SCREENSHOTS = Path.of("target/e2e-screenshots").toAbsolutePath();

  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(strings = {"it", "en"})
  void everyRoleLandsOnAUsablePage(String language) throws IOException, InterruptedException {
    Path log = Files.createTempFile("roles-" + language, ".log");
    Process roles =
        new ProcessBuilder(
                "node",
                "e2e/roles.mjs",
                "http://localhost:" + port,
                SCREENSHOTS.toString(),
                language)
            .directory(FRONTEND.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = roles.waitFor(6, TimeUnit.MINUTES);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    if (!finished) {
      roles.destroyForcibly();
    }

    assertThat(finished).as("roles finished in time:%n%s", output).isTrue();
    assertThat(roles.exitValue()).as("roles output:%n%s", output).isZero();
    assertThat(output).contains("roles " + language + ": 13 roles landed");
  }
}
