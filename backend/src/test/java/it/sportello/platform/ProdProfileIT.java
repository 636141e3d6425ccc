package it.sportello.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import it.sportello.SportelloApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The documented production start (issue 16, item 4): profile {@code prod}, an external PostgreSQL
 * and the first administrator from the environment, nothing else; Camunda Admin's first-visitor
 * setup closed, no demo users. Runs in its own JVM (a separate failsafe execution): it starts whole
 * applications.
 */
class ProdProfileIT {

  private static final String PASSWORD = "Prima-Amministratrice-2026!";
  private static EmbeddedPostgres postgres;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void externalDatabase() throws Exception {
    postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(Path.of("target/it-postgres/prod-" + UUID.randomUUID()))
            .setServerConfig("timezone", "UTC")
            .start();
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    postgres.close();
  }

  @Test
  void prodStartsWithAnExternalDatabaseAndTheAdministratorFromTheEnvironment() throws Exception {
    String database = database();
    try (ConfigurableApplicationContext app =
        start(database, "--SPORTELLO_ADMIN_USER=chief", "--SPORTELLO_ADMIN_PASSWORD=" + PASSWORD)) {
      String base =
          "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
      assertThat(app.containsBean("embeddedPostgres")).isFalse();
      assertThat(send(base, "GET", "/actuator/health", null).body()).contains("\"UP\"");

      HttpResponse<String> me = send(base, "GET", "/api/me", "chief:" + PASSWORD);
      assertThat(me.statusCode()).isEqualTo(200);
      assertThat(me.body()).contains("\"ADMIN\"");
      assertThat(send(base, "GET", "/api/me", "operator1:demo").statusCode())
          .as("no demo users in production")
          .isEqualTo(401);
      assertThat(
              send(base, "POST", "/camunda/api/admin/setup/default/user/create", null).statusCode())
          .isEqualTo(403);
    }
  }

  @Test
  void aFirstStartWithoutAnAdministratorPasswordStopsWithTheReason() throws Exception {
    String database = database();

    assertThatThrownBy(() -> start(database).close())
        .satisfies(failure -> assertThat(messages(failure)).anyMatch(m -> m.contains("policy")));
  }

  private static ConfigurableApplicationContext start(String database, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--camunda.bpm.job-execution.enabled=false",
                // no search cluster in this test
                "--sportello.search.indexer.enabled=false"));
    args.addAll(List.of(more));
    return new SpringApplicationBuilder(SportelloApplication.class)
        .profiles("prod")
        .run(args.toArray(String[]::new));
  }

  /** A new, empty database on the test's PostgreSQL. */
  private static String database() throws Exception {
    String name = "prod_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    }
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name;
  }

  private static List<String> messages(Throwable failure) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = failure; t != null && messages.size() < 30; t = t.getCause()) {
      messages.add(String.valueOf(t.getMessage()));
    }
    return messages;
  }

  private static HttpResponse<String> send(
      String base, String method, String path, String credentials) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (credentials != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
