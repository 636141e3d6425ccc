package it.sportello.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import it.sportello.SportelloApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults (issue 9): whole applications as child JVMs on one PostgreSQL that the test starts, so
 * that a node can be killed with SIGKILL, two nodes can share the database, and the database can
 * stop under them. The tests assert on data, never on time. In order: a crash under load (node A
 * killed and restarted), two nodes (B joins A), the database restarted under both. Runs in the
 * failsafe execution of the tests that start whole applications (own JVM).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private final Path directory = Path.of("target/faults/" + UUID.randomUUID()).toAbsolutePath();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Node> nodes = new ArrayList<>();
  private EmbeddedPostgres postgres;
  private int postgresPort;
  private Node nodeA;
  private Node nodeB;

  @BeforeAll
  void startPostgres() throws IOException {
    Files.createDirectories(directory);
    postgresPort = freePort();
    postgres = startPostgres(postgresPort);
  }

  @AfterAll
  void stopEverything() throws Exception {
    for (Node node : nodes) {
      node.stop();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @Order(1)
  void aNodeKilledUnderLoadLosesNoAcknowledgedTicketAndDuplicatesNone() throws Exception {
    nodeA = start("node-a");
    Map<String, String> bodies = new ConcurrentHashMap<>();
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    AtomicBoolean killed = new AtomicBoolean();
    AtomicInteger sequence = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(6);
    for (int i = 0; i < 6; i++) {
      clients.submit(
          () -> {
            while (!killed.get()) {
              String key = "crash-" + sequence.incrementAndGet();
              String body = ticketBody("Richiesta " + key);
              bodies.put(key, body);
              try {
                HttpResponse<String> response = openTicket(nodeA, key, body);
                if (response.statusCode() == 201) {
                  acknowledged.put(key, number(response));
                }
              } catch (IOException lost) {
                // in flight when the node died: the client does not know; it will retry
              }
            }
            return null;
          });
    }
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> acknowledged.size() >= 30);
    nodeA.kill();
    killed.set(true);
    clients.shutdown();
    assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

    try (Connection db = database()) {
      // every acknowledged ticket is stored with its process, already before the restart
      for (Map.Entry<String, String> entry : acknowledged.entrySet()) {
        assertThat(number(db, entry.getKey())).as(entry.getKey()).isEqualTo(entry.getValue());
        assertThat(processes(db, entry.getValue())).as(entry.getValue()).isEqualTo(1);
      }
      assertNoOrphans(db);
    }

    nodeA = start("node-a");
    // the clients retry every request with its key: the acknowledged ones get the same ticket
    for (Map.Entry<String, String> entry : bodies.entrySet()) {
      HttpResponse<String> retry = openTicket(nodeA, entry.getKey(), entry.getValue());
      assertThat(retry.statusCode()).as(entry.getKey() + " " + retry.body()).isEqualTo(201);
      if (acknowledged.containsKey(entry.getKey())) {
        assertThat(number(retry)).isEqualTo(acknowledged.get(entry.getKey()));
      }
    }
    try (Connection db = database()) {
      assertThat(count(db, "select count(*) from sportello.ticket where created_by = 'api-client'"))
          .as("one ticket per request")
          .isEqualTo(bodies.size());
      for (String key : bodies.keySet()) {
        assertThat(processes(db, number(db, key))).as(key).isEqualTo(1);
      }
      assertNoOrphans(db);
    }
  }

  @Test
  @Order(2)
  void twoNodesServeTheApiAndRunEveryTimerOnce() throws Exception {
    if (nodeA == null || !nodeA.process.isAlive()) {
      nodeA = start("node-a");
    }
    nodeB = start("node-b");
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Node node = i % 2 == 0 ? nodeA : nodeB;
      HttpResponse<String> response =
          openTicket(node, "two-nodes-" + i, ticketBody("Due nodi " + i));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      numbers.add(number(response));
    }
    for (Node node : List.of(nodeA, nodeB)) {
      for (String number : numbers) {
        HttpResponse<String> inbox = get(node, "/api/inbox?size=5&number=" + number, "operator1");
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(inbox.body()).path("totalElements").asLong())
            .as(node.name + " inbox shows " + number)
            .isEqualTo(1);
      }
    }

    try (Connection db = database()) {
      // the SLA timers of these tickets are due now (the nodes' clocks cannot be moved)
      try (PreparedStatement due =
          db.prepareStatement(
              "update act_ru_job set duedate_ = now() - interval '1 second' where"
                  + " process_instance_id_ in (select proc_inst_id_ from act_hi_procinst where"
                  + " business_key_ = any (?)) and handler_type_ = 'timer-transition'")) {
        due.setArray(1, db.createArrayOf("varchar", numbers.toArray()));
        assertThat(due.executeUpdate()).as("two SLA timers per ticket").isEqualTo(40);
      }
      String escalated =
          "select count(distinct ticket_id) from sportello.ticket_event e join sportello.ticket t"
              + " on t.id = e.ticket_id where e.kind = '%s' and t.idempotency_key like 'two-nodes-%%'";
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  count(db, escalated.formatted("TAKE_IN_CHARGE_OVERDUE")) == 20
                      && count(db, escalated.formatted("RESOLUTION_OVERDUE")) == 20
                      && count(
                              db,
                              "select count(*) from act_ru_job where handler_type_ ="
                                  + " 'timer-transition' and duedate_ <= now()")
                          == 0);
      assertThat(
              count(
                  db,
                  "select count(*) from sportello.ticket_event e join sportello.ticket t on t.id"
                      + " = e.ticket_id where e.kind in ('TAKE_IN_CHARGE_OVERDUE',"
                      + " 'RESOLUTION_OVERDUE') and t.idempotency_key like 'two-nodes-%'"))
          .as("each ticket escalated once per target")
          .isEqualTo(40);
      assertThat(
              count(
                  db,
                  // the history cleanup is one job that runs again and again during its nightly
                  // window (01:00-05:00): not a job run twice
                  "select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2"
                      + " and job_def_type_ <> 'history-cleanup'"
                      + " group by job_id_ having count(*) > 1) twice"))
          .as("jobs that ran twice")
          .isZero();
      assertThat(
              count(
                  db,
                  "select count(*) from act_hi_job_log where job_state_ = 2 and act_id_ in"
                      + " ('boundaryEvent_takeInChargeOverdue', 'boundaryEvent_resolutionOverdue')"
                      + " and process_instance_id_ in (select proc_inst_id_ from act_hi_procinst"
                      + " where business_key_ in (select number from sportello.ticket where"
                      + " idempotency_key like 'two-nodes-%'))"))
          .as("timers run")
          .isEqualTo(40);
      try (Statement statement = db.createStatement();
          ResultSet hosts =
              statement.executeQuery(
                  "select hostname_, count(*) from act_hi_job_log where job_state_ = 2 group by"
                      + " hostname_")) {
        while (hosts.next()) {
          System.out.printf("jobs run by %s: %d%n", hosts.getString(1), hosts.getInt(2));
        }
      }
    }
  }

  @Test
  @Order(3)
  void theDatabaseStoppingUnderLoadGives503AndTheNodesRecoverWithoutRestart() throws Exception {
    if (nodeA == null || !nodeA.process.isAlive()) {
      nodeA = start("node-a");
    }
    List<Node> serving =
        nodeB != null && nodeB.process.isAlive() ? List.of(nodeA, nodeB) : List.of(nodeA);
    List<String> answers = new CopyOnWriteArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger sequence = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 4; i++) {
      Node node = serving.get(i % serving.size());
      boolean write = i % 2 == 0;
      clients.submit(
          () -> {
            while (!stop.get()) {
              try {
                HttpResponse<String> response =
                    write
                        ? openTicket(
                            node,
                            "db-restart-" + sequence.incrementAndGet(),
                            ticketBody("Durante il riavvio"))
                        : get(node, "/api/inbox?size=25", "operator1");
                answers.add(
                    response.statusCode()
                        + " "
                        + response.headers().firstValue("Content-Type").orElse("")
                        + " "
                        + response.headers().firstValue("Retry-After").orElse("-"));
              } catch (IOException e) {
                answers.add("IO " + e);
              }
            }
            return null;
          });
    }
    await().atMost(Duration.ofMinutes(1)).until(() -> answers.size() >= 10);
    postgres.close();
    int before = answers.size();
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> answers.stream().skip(before).filter(a -> a.startsWith("503")).count() >= 6);
    postgres = startPostgres(postgresPort);
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                serving.stream()
                    .allMatch(
                        node -> {
                          try {
                            return openTicket(
                                        node,
                                        "after-restart-" + UUID.randomUUID(),
                                        ticketBody("Dopo il riavvio"))
                                    .statusCode()
                                == 201;
                          } catch (IOException | InterruptedException e) {
                            return false;
                          }
                        }));
    stop.set(true);
    clients.shutdown();
    assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

    List<String> duringOutage = answers.subList(before, answers.size());
    assertThat(duringOutage)
        .as("every failure is a clean 503 problem with Retry-After")
        .allSatisfy(
            answer -> assertThat(answer).matches("(200|201) .*|503 application/problem\\+json 5"));
    for (Node node : serving) {
      assertThat(node.process.isAlive()).as(node.name + " kept running").isTrue();
    }
    try (Connection db = database()) {
      assertNoOrphans(db);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private void assertNoOrphans(Connection db) throws SQLException {
    assertThat(
            count(
                db,
                "select count(*) from sportello.ticket t where not exists (select 1 from"
                    + " act_hi_procinst p where p.business_key_ = t.number and p.proc_def_key_ ="
                    + " 'ticket')"))
        .as("tickets without a process")
        .isZero();
    assertThat(
            count(
                db,
                "select count(*) from act_hi_procinst p where p.proc_def_key_ = 'ticket' and not"
                    + " exists (select 1 from sportello.ticket t where t.number = p.business_key_)"))
        .as("processes without a ticket")
        .isZero();
    assertThat(
            count(
                db,
                "select count(*) from act_ru_execution e where e.parent_id_ is null and not exists"
                    + " (select 1 from sportello.ticket t where t.number = e.business_key_) and"
                    + " e.proc_def_id_ like 'ticket:%'"))
        .as("running processes without a ticket")
        .isZero();
  }

  private static String number(Connection db, String key) throws SQLException {
    try (PreparedStatement statement =
        db.prepareStatement(
            "select number from sportello.ticket where created_by = 'api-client' and"
                + " idempotency_key = ?")) {
      statement.setString(1, key);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() ? result.getString(1) : null;
      }
    }
  }

  private static int processes(Connection db, String number) throws SQLException {
    try (PreparedStatement statement =
        db.prepareStatement(
            "select count(*) from act_hi_procinst where business_key_ = ? and proc_def_key_ ="
                + " 'ticket'")) {
      statement.setString(1, number);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    }
  }

  private static int count(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getInt(1);
    }
  }

  private Connection database() throws SQLException {
    return postgres.getPostgresDatabase().getConnection();
  }

  private static String ticketBody(String subject) {
    String code = UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase() + "XXXXXX";
    return """
        {"channel": "WEB", "subject": "%s", "description": "Richiesta aperta dal test dei guasti",
         "language": "it", "requester": {"name": "Anna Verdi", "fiscalCode": "%s80A41H501Z"},
         "category": {"topic": "payments"}}"""
        .formatted(subject, code.substring(0, 6));
  }

  private HttpResponse<String> openTicket(Node node, String key, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(node.base() + "/api/tickets"))
            .header("Authorization", basic("api-client"))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(Node node, String path, String user)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(node.base() + path))
            .header("Authorization", basic(user))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String number(HttpResponse<String> response) throws IOException {
    JsonNode body = JSON.readTree(response.body());
    return body.path("number").asText();
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private EmbeddedPostgres startPostgres(int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setPort(port)
        .setDataDirectory(directory.resolve("postgres"))
        .setCleanDataDirectory(false)
        .setRegisterShutdownHook(true)
        .setServerConfig("timezone", "UTC")
        .start();
  }

  private Node start(String name) throws Exception {
    int port = freePort();
    Path log = directory.resolve(name + "-" + nodes.size() + ".log");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                SportelloApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:postgresql://localhost:" + postgresPort + "/postgres",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                // fail fast while the database is away: the client gets a 503 within seconds
                "--spring.datasource.hikari.connection-timeout=2000",
                "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--sportello.mail.embedded-server.smtp-port=0",
                "--sportello.mail.embedded-server.imap-port=0",
                "--sportello.mail.polling.enabled=false",
                "--sportello.mail.outbound.enabled=false")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Node node = new Node(name, port, process, log);
    nodes.add(node);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as(name + " stopped; see " + log).isTrue();
      try {
        if (http.send(
                    HttpRequest.newBuilder(URI.create(node.base() + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return node;
        }
      } catch (IOException starting) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError(name + " did not start in " + START_TIMEOUT + "; see " + log);
  }

  private record Node(String name, int port, Process process, Path log) {
    String base() {
      return "http://localhost:" + port;
    }

    void kill() throws InterruptedException {
      // SIGKILL: no shutdown hook, no graceful shutdown, transactions cut where they are
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }

    void stop() throws InterruptedException {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
