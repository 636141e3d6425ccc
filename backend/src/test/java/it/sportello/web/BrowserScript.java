package it.sportello.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A browser script of {@code frontend/e2e} run with Node against the running application
 * (playwright-core driving Debian's Chromium): {@code node e2e/<script> <base-url> <screenshots>
 * <language>}. Screenshots land in {@code backend/target/e2e-screenshots/}.
 */
final class BrowserScript {

  static final Path SCREENSHOTS = Path.of("target/e2e-screenshots").toAbsolutePath();

  private static final Path FRONTEND =
      Path.of(System.getProperty("sportello.frontend.dir", "../frontend"))
          .toAbsolutePath()
          .normalize();

  /**
   * How a run ended.
   *
   * @param finished within the time allowed (else it was killed)
   * @param exitValue the script's exit code, -1 when killed
   * @param output what it printed, errors included
   */
  record Run(boolean finished, int exitValue, String output) {}

  private BrowserScript() {}

  static Run run(
      String script, int port, String language, Map<String, String> environment, Duration atMost)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(script.replace('.', '-') + "-" + language, ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                "node",
                "e2e/" + script,
                "http://localhost:" + port,
                SCREENSHOTS.toString(),
                language)
            .directory(FRONTEND.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    boolean finished = process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    return new Run(
        finished,
        finished ? process.exitValue() : -1,
        Files.readString(log, StandardCharsets.UTF_8));
  }
}
