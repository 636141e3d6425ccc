package it.sportello.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * The demo's PostgreSQL on its own, for the start-up benchmark (docs/benchmarks/startup): the
 * applications measured there connect to it as to an external database. Started from the demo jar:
 *
 * <pre>
 * java -cp sportello.jar -Dloader.main=it.sportello.platform.database.StandalonePostgres \
 *   org.springframework.boot.loader.launch.PropertiesLauncher DIR PORT DB...
 * </pre>
 *
 * Creates the databases, prints {@code READY}, and stops when its standard input closes.
 */
public final class StandalonePostgres {

  private StandalonePostgres() {}

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[0]).toAbsolutePath();
    Files.createDirectories(directory);
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(directory)
            .setCleanDataDirectory(true)
            .setPort(Integer.parseInt(args[1]))
            .setServerConfig("max_connections", "200")
            .start()) {
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        for (int i = 2; i < args.length; i++) {
          statement.execute("create database " + args[i].replaceAll("[^a-z0-9_]", ""));
        }
      }
      System.out.println("READY");
      System.out.flush();
      while (System.in.read() >= 0) {
        // runs until the parent closes our standard input
      }
    }
  }
}
