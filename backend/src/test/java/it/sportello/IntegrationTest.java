package it.sportello;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.platform.database.EmbeddedPostgresConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the wiring tests: the whole application on a real embedded PostgreSQL (a fresh cluster
 * under target/), demo users, real delegates; the job executor is off so tests run timers
 * explicitly. OIDC tokens signed with the test key in {@code test-jwt/} are accepted besides HTTP
 * Basic, and the web application offers OIDC login with the {@link TestIdentityProvider}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "sportello.embedded-postgres.port=0",
      "camunda.bpm.job-execution.enabled=false",
      // the demo's mail server on free ports; tests poll and send explicitly
      "sportello.mail.embedded-server.smtp-port=0",
      "sportello.mail.embedded-server.imap-port=0",
      "sportello.mail.polling.enabled=false",
      "sportello.mail.outbound.enabled=false",
      // report deliveries are triggered by the tests, not by their cron
      "sportello.reporting.schedule-deliveries=false",
      "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:test-jwt/public.pem",
      // the CTI webhook's shared secret, for tests that sign telephony events
      "sportello.phone.webhook.secret=" + IntegrationTest.PHONE_WEBHOOK_SECRET,
      // one search node per test JVM, started only when a test first calls the engine
      // (KnowledgeBaseIT); no background indexer: tests index explicitly, else changes stay queued
      "sportello.search.embedded.start-on-startup=false",
      "sportello.search.embedded.data-directory=target/it-search",
      // a node per test JVM, its folder removed when it stops
      "sportello.search.embedded.keep-data=false",
      "sportello.search.indexer.enabled=false",
      // the test JVM ends promptly after the last test, even with a browser's event stream open:
      // a graceful stop waiting on it outlived Failsafe's exit timeout, and the JVM killed then
      // left its PostgreSQL running
      "server.shutdown=immediate",
      // bounded concurrency (issue 26) with a patient queue: a browser test's burst of requests on
      // a busy build machine waits for its turn instead of failing with 503 (OverloadIT fills the
      // turns itself and sees the refusal after this wait)
      "sportello.web.overload.max-wait=5s",
      // the dependency watcher (alerts) runs when a test calls it; the scrape account of
      // /actuator/prometheus
      "sportello.alerts.schedule=false",
      // work distribution's offer rounds run when a test makes them
      "sportello.distribution.schedule-rounds=false",
      "sportello.archive.directory=target/it-archive",
      "sportello.data-subjects.export-directory=target/it-access-exports",
      // Spring Boot's tests turn metrics export off; /actuator/prometheus is tested
      // (DependencyAlertsIT)
      "management.prometheus.metrics.export.enabled=true",
      "sportello.alerts.contacts=esercizio@comune.example",
      "sportello.metrics.scrape.password=" + IntegrationTest.METRICS_SCRAPE_PASSWORD
    })
@Import(IntegrationTest.TestClock.class)
public abstract class IntegrationTest {

  /** The CTI webhook's secret in the tests (one context for all: no per-class properties). */
  public static final String PHONE_WEBHOOK_SECRET = "test-webhook-secret";

  /** The password of the Prometheus scrape account ({@code prometheus}) in the tests. */
  public static final String METRICS_SCRAPE_PASSWORD = "test-scrape-password";

  private static final Path CLUSTERS = Path.of("target/it-postgres");

  private static final String DATA_DIRECTORY = CLUSTERS + "/" + UUID.randomUUID();

  /** How long the shutdown hook lets Spring close the context before it stops PostgreSQL. */
  private static final java.time.Duration CONTEXT_CLOSE_WAIT = java.time.Duration.ofSeconds(20);

  static {
    stopServersOfEarlierRuns();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(IntegrationTest::stopThisRunsServer, "it-postgres-stop"));
  }

  /**
   * Whatever ends the test JVM (its last test, Ctrl-C, a context that failed to start, a shutdown
   * hanging until Failsafe's exit timeout), its PostgreSQL stops with it: Spring's own shutdown
   * hook normally closes it with the context; if it is still running after {@link
   * #CONTEXT_CLOSE_WAIT} (a hung close), this hook stops it, well within Failsafe's {@code
   * forkedProcessExitTimeoutInSeconds} (after which the JVM is halted without its hooks). Only a
   * hard kill leaves it running, and the next run stops it ({@link #stopServersOfEarlierRuns}). The
   * search node is a child JVM that stops when its parent's pipe closes.
   */
  private static void stopThisRunsServer() {
    Path cluster = Path.of(DATA_DIRECTORY);
    try {
      Optional<ProcessHandle> server =
          Files.exists(cluster.resolve("postmaster.pid"))
              ? Files.readAllLines(cluster.resolve("postmaster.pid")).stream()
                  .findFirst()
                  .map(String::trim)
                  .filter(line -> line.matches("\\d+"))
                  .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
              : Optional.empty();
      if (server.isEmpty()) {
        return;
      }
      try {
        server.get().onExit().get(CONTEXT_CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS);
      } catch (TimeoutException stillRunning) {
        EmbeddedPostgresConfiguration.stopOrphanedServer(cluster);
      }
    } catch (IOException | ExecutionException e) {
      // nothing more can be done while the JVM stops; the next run stops what is left
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A test JVM killed before it could stop its PostgreSQL leaves the server running; the next run
   * stops it, so leaks never pile up (runs of one build are sequential, one JVM at a time).
   */
  private static void stopServersOfEarlierRuns() {
    try (Stream<Path> clusters = Files.list(CLUSTERS)) {
      for (Path cluster : clusters.filter(Files::isDirectory).toList()) {
        EmbeddedPostgresConfiguration.stopOrphanedServer(cluster);
      }
    } catch (NoSuchFileException firstRun) {
      // nothing left behind
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void embeddedPostgres(DynamicPropertyRegistry registry) {
    registry.add("sportello.embedded-postgres.data-directory", () -> DATA_DIRECTORY);
    TestIdentityProvider.register(registry);
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class TestClock {
    @Bean
    @Primary
    MutableClock mutableClock() {
      return new MutableClock();
    }
  }

  @Autowired protected TestRestTemplate rest;
  @Autowired protected ObjectMapper json;
  @Autowired protected MutableClock clock;

  @AfterEach
  void releaseClock() {
    clock.release();
  }

  protected ResponseEntity<JsonNode> call(
      HttpMethod method, String path, String user, Object body) {
    return call(method, path, user, body, Map.of());
  }

  protected ResponseEntity<JsonNode> call(
      HttpMethod method, String path, String user, Object body, Map<String, String> headers) {
    HttpHeaders httpHeaders = new HttpHeaders();
    httpHeaders.setContentType(MediaType.APPLICATION_JSON);
    if (user != null) {
      httpHeaders.setBasicAuth(user, "demo");
    }
    headers.forEach(httpHeaders::add);
    return rest.exchange(path, method, new HttpEntity<>(body, httpHeaders), JsonNode.class);
  }

  /**
   * Uploads a file as {@code multipart/form-data} (the part {@code file}, with its name), with
   * further form fields, as {@code user}.
   */
  protected ResponseEntity<JsonNode> upload(
      String path, String user, Map<String, String> fields, String fileName, byte[] bytes) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setBasicAuth(user, "demo");
    org.springframework.util.MultiValueMap<String, Object> body =
        new org.springframework.util.LinkedMultiValueMap<>();
    fields.forEach(body::add);
    body.add("file", namedFile(fileName, bytes));
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  /** The bytes as a file part of a multipart request, with its file name. */
  protected static org.springframework.core.io.ByteArrayResource namedFile(
      String fileName, byte[] bytes) {
    return new org.springframework.core.io.ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return fileName;
      }
    };
  }

  /**
   * Posts a deployment to the engine's REST API as {@code user}, as the Modeler does: its fields
   * and files ({@link #namedFile}) as {@code multipart/form-data}.
   */
  protected ResponseEntity<JsonNode> engineDeployment(
      String user, org.springframework.util.MultiValueMap<String, Object> parts) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.exchange(
        "/engine-rest/deployment/create",
        HttpMethod.POST,
        new HttpEntity<>(parts, headers),
        JsonNode.class);
  }

  /** Uploads a document to a ticket as {@code user}; the test fails unless it was created. */
  protected JsonNode uploadToTicket(String number, String user, String fileName, byte[] bytes) {
    ResponseEntity<JsonNode> response =
        upload("/api/tickets/" + number + "/documents", user, Map.of(), fileName, bytes);
    org.assertj.core.api.Assertions.assertThat(response.getStatusCode())
        .as("%s", response.getBody())
        .isEqualTo(org.springframework.http.HttpStatus.CREATED);
    return response.getBody();
  }

  protected ResponseEntity<JsonNode> get(String path, String user) {
    return call(HttpMethod.GET, path, user, null);
  }

  protected ResponseEntity<JsonNode> post(String path, String user, Object body) {
    return call(HttpMethod.POST, path, user, body);
  }

  /**
   * A fiscal code of the right shape, different at every call, so tests do not share requesters.
   */
  protected static String fiscalCode() {
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    StringBuilder letters = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      letters.append((char) ('A' + random.nextInt(26)));
    }
    return letters + "80A01H501Z";
  }

  /** A valid ticket request; tests change what they need. */
  protected static Map<String, Object> ticketRequest(String fiscalCode, String subject) {
    return new java.util.LinkedHashMap<>(
        Map.of(
            "channel",
            "WEB",
            "subject",
            subject,
            "description",
            "Ho pagato la TARI ma risulto ancora debitore.",
            "language",
            "it",
            "requester",
            Map.of(
                "fiscalCode",
                fiscalCode,
                "name",
                "Maria Bianchi",
                "email",
                "maria.bianchi@example.it"),
            "context",
            Map.of("page", "/tributi/tari", "browser", "Firefox 140", "errorCode", "E-402")));
  }
}
