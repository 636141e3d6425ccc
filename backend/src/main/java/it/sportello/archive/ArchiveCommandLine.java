package it.sportello.archive;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command-line export: {@code java -jar sportello.jar --sportello.archive.export=/backup/x.zip}
 * starts the application, writes the archive and stops it (exit code 0, or 1 when the export
 * failed). Without the option it does nothing.
 */
@Component
class ArchiveCommandLine implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ArchiveCommandLine.class);

  private final ArchiveProperties properties;
  private final ArchiveExports exports;
  private final ConfigurableApplicationContext context;

  ArchiveCommandLine(
      ArchiveProperties properties,
      ArchiveExports exports,
      ConfigurableApplicationContext context) {
    this.properties = properties;
    this.exports = exports;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (properties.export().isBlank()) {
      return;
    }
    int code = 0;
    try {
      ArchiveManifest manifest = exports.write(Path.of(properties.export()), done -> {});
      log.info(
          "Archive written to {}: schema version {}, {} tables, {} documents",
          properties.export(),
          manifest.schemaVersion(),
          manifest.tables().size(),
          manifest.documents().size());
    } catch (Exception e) {
      log.error("Export to {} failed", properties.export(), e);
      code = 1;
    }
    int exit = code;
    System.exit(SpringApplication.exit(context, () -> exit));
  }
}
