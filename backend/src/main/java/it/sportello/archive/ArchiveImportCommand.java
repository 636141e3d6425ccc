package it.sportello.archive;

import java.nio.file.Path;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The import from the command line, run from the application's jar without starting the application
 * (docs/backup-restore.md):
 *
 * <pre>
 * SPORTELLO_IMPORT_PASSWORD=... java -cp sportello.jar \
 *   -Dloader.main=it.sportello.archive.ArchiveImportCommand \
 *   org.springframework.boot.loader.launch.PropertiesLauncher \
 *   jdbc:postgresql://db:5432/sportello sportello /backup/sportello-20261206.zip
 * </pre>
 *
 * An empty database is first migrated to the archive's schema version (Flyway, our migrations
 * only); a database already migrated must be at that version and hold no data. Then the application
 * starts on it as usual and rebuilds the search index.
 */
public final class ArchiveImportCommand {

  static final String SCHEMA = "sportello";

  private ArchiveImportCommand() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println(
          "usage: ArchiveImportCommand <jdbc url> <user> <archive.zip>"
              + " (password in SPORTELLO_IMPORT_PASSWORD)");
      System.exit(2);
    }
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(args[0]);
    dataSource.setUser(args[1]);
    dataSource.setPassword(System.getenv().getOrDefault("SPORTELLO_IMPORT_PASSWORD", ""));
    try {
      ArchiveImport.Result result = run(dataSource, Path.of(args[2]));
      System.out.println(
          "Imported schema version "
              + result.schemaVersion()
              + ": "
              + result.rows().values().stream().mapToLong(Long::longValue).sum()
              + " rows in "
              + result.rows().size()
              + " tables, "
              + result.documents()
              + " documents");
    } catch (ArchiveRefusedException e) {
      System.err.println("Import refused: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Migrates an empty schema to the archive's version, then imports. */
  public static ArchiveImport.Result run(DataSource dataSource, Path archive) throws Exception {
    String version;
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      version = ArchiveImport.manifest(zip).schemaVersion();
    }
    Flyway flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .schemas(SCHEMA)
            .defaultSchema(SCHEMA)
            .locations("classpath:db/migration")
            .target(version)
            .load();
    if (flyway.info().current() == null) {
      flyway.migrate();
    }
    return new ArchiveImport(dataSource, SCHEMA).importArchive(archive);
  }
}
