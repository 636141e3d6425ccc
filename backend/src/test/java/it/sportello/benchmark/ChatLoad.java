package it.sportello.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The chat's load driver (issue 21 item 6): starts one or two application nodes (child JVMs of the
 * test classpath, node B on node A's embedded PostgreSQL), opens N citizen sessions (HTTP start,
 * privacy, hand-off, then a WebSocket), has operators (OIDC tokens signed with the tests' key, 20
 * chats each) take every chat over HTTP and follow it on a WebSocket, then exchanges messages both
 * ways: each message carries its send time ({@code System.nanoTime()}, one JVM), so its latency is
 * measured when the other side's socket receives it. With two nodes, citizens connect to node A and
 * operators to node B. Memory per session: node A's heap after a full GC ({@code jcmd GC.run}) with
 * the sessions open, minus the same before them, divided by the sessions.
 *
 * <pre>
 * docs/benchmarks/chat-load --sessions=500 --nodes=1 --rounds=10
 * docs/benchmarks/chat-load --sessions=500 --nodes=1 --rounds=10 --spread-ms=10000
 * </pre>
 *
 * Writes {@code target/chat-load/results.json} and prints a summary with the load average.
 */
public final class ChatLoad {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CHATS_PER_OPERATOR = 20;

  private final Map<String, String> options;
  private final HttpClient http =
      HttpClient.newBuilder()
          .executor(Executors.newFixedThreadPool(16))
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final List<Process> nodes = new ArrayList<>();
  private final List<Long> citizenToOperator = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> operatorToCitizen = Collections.synchronizedList(new ArrayList<>());
  private final Path out;
  private String privateKeyPem;

  private ChatLoad(Map<String, String> options) {
    this.options = options;
    this.out = Path.of(options.getOrDefault("out", "target/chat-load"));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      String[] pair = arg.replaceFirst("^--", "").split("=", 2);
      options.put(pair[0], pair.length > 1 ? pair[1] : "true");
    }
    ChatLoad load = new ChatLoad(options);
    int status = 0;
    try {
      load.run();
    } catch (Exception e) {
      e.printStackTrace();
      status = 1;
    } finally {
      load.stopNodes();
    }
    // the HTTP client's threads would keep the JVM alive
    System.exit(status);
  }

  /**
   * Each side writes once: all at once (in batches of 50, 20 ms apart) when {@code spreadMillis} is
   * 0, else evenly over {@code spreadMillis}.
   */
  private static void writeInTurn(List<? extends Side> sides, String prefix, int spreadMillis)
      throws InterruptedException {
    long start = System.nanoTime();
    long step = TimeUnit.MILLISECONDS.toNanos(spreadMillis) / Math.max(1, sides.size());
    for (int i = 0; i < sides.size(); i++) {
      if (spreadMillis > 0) {
        long wait = start + i * step - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      } else if (i % 50 == 49) {
        Thread.sleep(20);
      }
      sides.get(i).say(prefix + System.nanoTime());
    }
  }

  private static List<Side> concat(List<? extends Side> first, List<? extends Side> second) {
    List<Side> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static List<Long> since(List<Long> latencies, int from) {
    synchronized (latencies) {
      return new ArrayList<>(latencies.subList(Math.min(from, latencies.size()), latencies.size()));
    }
  }

  private int option(String name, int fallback) {
    return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
  }

  private void run() throws Exception {
    int sessions = option("sessions", 500);
    int nodeCount = option("nodes", 1);
    int rounds = option("rounds", 10);
    // 0: every side writes at once (a burst of N messages); otherwise one side's N messages are
    // spread
    // evenly over this many milliseconds (people typing: one message per person every spread-ms)
    int spreadMillis = option("spread-ms", 0);
    Files.createDirectories(out);
    privateKeyPem = Files.readString(Path.of("backend/target/test-classes/test-jwt/private.pem"));
    int postgres = freePort();
    int portA = freePort();
    Process a = startNode("a", portA, postgres, true);
    nodes.add(a);
    waitUp(portA, a);
    String nodeA = "http://localhost:" + portA;
    String nodeB = nodeA;
    if (nodeCount > 1) {
      int portB = freePort();
      Process b = startNode("b", portB, postgres, false);
      nodes.add(b);
      waitUp(portB, b);
      nodeB = "http://localhost:" + portB;
    }
    String loadBefore = loadAverage();
    long heapBefore = heapAfterGc(a);
    log("node A heap after GC before the sessions: %.1f MB", heapBefore / 1e6);

    // citizens on node A
    List<Citizen> citizens = new ArrayList<>();
    ExecutorService setup = Executors.newFixedThreadPool(16);
    List<CompletableFuture<Citizen>> starting = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      String base = nodeA;
      String address = sessionAddress(i);
      starting.add(CompletableFuture.supplyAsync(() -> startCitizen(base, address), setup));
    }
    for (CompletableFuture<Citizen> future : starting) {
      citizens.add(future.get(5, TimeUnit.MINUTES));
    }
    log("%d citizens queued", citizens.size());

    // operators on node B (node A with one node), 20 chats each
    int operatorCount = (sessions + CHATS_PER_OPERATOR - 1) / CHATS_PER_OPERATOR;
    List<Operator> operators = new ArrayList<>();
    List<CompletableFuture<Operator>> following = new ArrayList<>();
    // no pairing needed: every citizen's message reaches the operator who took its chat, and
    // every operator's reaches its chat's citizen
    List<Long> waiting = new ArrayList<>();
    for (JsonNode chat :
        send(nodeB, "GET", "/api/chats", "Bearer " + token("bench-op-0"), null, null)
            .path("waiting")) {
      waiting.add(chat.path("id").asLong());
    }
    if (waiting.size() < sessions) {
      throw new IllegalStateException("only " + waiting.size() + " chats waiting");
    }
    for (int i = 0; i < sessions; i++) {
      String user = "bench-op-" + (i % operatorCount);
      String base = nodeB;
      long conversation = waiting.get(i);
      following.add(
          CompletableFuture.supplyAsync(() -> takeAndFollow(base, user, conversation), setup));
    }
    for (CompletableFuture<Operator> future : following) {
      operators.add(future.get(5, TimeUnit.MINUTES));
    }
    setup.shutdown();
    log("%d chats taken by %d operators", operators.size(), operatorCount);
    // the exchange starts once the node has answered every socket's "hello" (its catch-up): that
    // burst of 2 x N connections is measured on its own, not as the first round's latency
    Instant connecting = Instant.now();
    for (Side side : concat(citizens, operators)) {
      if (!side.served.await(5, TimeUnit.MINUTES)) {
        throw new IllegalStateException("a socket was not served within 5 minutes");
      }
    }
    long servedMillis = Duration.between(connecting, Instant.now()).toMillis();
    log("every socket served its catch-up %d ms after the last chat was taken", servedMillis);
    Thread.sleep(option("settle-ms", 0));
    Thread.sleep(2000);
    long heapWith = heapAfterGc(a);
    log("node A heap after GC with the sessions: %.1f MB", heapWith / 1e6);

    // the exchange: every round, each citizen writes and its operator answers
    Instant started = Instant.now();
    for (int round = 0; round < rounds; round++) {
      int fromCitizens = citizenToOperator.size();
      int fromOperators = operatorToCitizen.size();
      CountDownLatch arrived = new CountDownLatch(sessions * 2);
      for (int i = 0; i < sessions; i++) {
        citizens.get(i).expect = arrived;
        operators.get(i).expect = arrived;
      }
      writeInTurn(citizens, "c ", spreadMillis);
      Thread.sleep(200);
      writeInTurn(operators, "o ", spreadMillis);
      if (!arrived.await(60, TimeUnit.SECONDS)) {
        log("round %d: %d messages did not arrive within 60 s", round, arrived.getCount());
      }
      log(
          "round %d: citizen -> operator %s, operator -> citizen %s",
          round,
          percentiles(since(citizenToOperator, fromCitizens)),
          percentiles(since(operatorToCitizen, fromOperators)));
    }
    Duration exchange = Duration.between(started, Instant.now());
    String loadAfter = loadAverage();

    Map<String, Object> results = new LinkedHashMap<>();
    results.put("sessions", sessions);
    results.put("nodes", nodeCount);
    results.put("rounds", rounds);
    results.put("spreadMs", spreadMillis);
    results.put("socketsServedMsAfterTaking", servedMillis);
    results.put("messages", citizenToOperator.size() + operatorToCitizen.size());
    results.put("exchangeSeconds", exchange.toMillis() / 1000.0);
    results.put("citizenToOperatorMs", percentiles(citizenToOperator));
    results.put("operatorToCitizenMs", percentiles(operatorToCitizen));
    List<Long> all = new ArrayList<>(citizenToOperator);
    all.addAll(operatorToCitizen);
    results.put("allMs", percentiles(all));
    results.put("heapBeforeMb", heapBefore / 1e6);
    results.put("heapWithSessionsMb", heapWith / 1e6);
    results.put(
        "heapPerSessionKb",
        Math.round((heapWith - heapBefore) / (double) sessions / 1024 * 10) / 10.0);
    results.put("loadAverageBefore", loadBefore);
    results.put("loadAverageAfter", loadAfter);
    String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results);
    Files.writeString(out.resolve("results-" + nodeCount + "-nodes.json"), text);
    System.out.println(text);
    for (Citizen citizen : citizens) {
      citizen.socket.abort();
    }
    for (Operator operator : operators) {
      operator.socket.abort();
    }
  }

  // --- sessions ---

  /** A WebSocket listener that collects text frames and measures the other side's messages. */
  private abstract static class Side implements WebSocket.Listener {
    final CountDownLatch served = new CountDownLatch(1);
    final StringBuilder partial = new StringBuilder();
    volatile CountDownLatch expect;
    WebSocket socket;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        try {
          JsonNode parsed = JSON.readTree(frame);
          if ("state".equals(parsed.path("type").asText())) {
            // the node's answer to "hello": it has sent what this side had not seen
            served.countDown();
          }
          received(parsed, System.nanoTime());
        } catch (IOException e) {
          // not JSON: ignored
        }
      }
      webSocket.request(1);
      return null;
    }

    abstract void received(JsonNode frame, long now);

    void say(String text) {
      synchronized (this) {
        socket
            .sendText("{\"type\":\"say\",\"text\":" + JSON.valueToTree(text).toString() + "}", true)
            .join();
      }
    }
  }

  private final class Citizen extends Side {
    String token;
    long seen;

    @Override
    void received(JsonNode frame, long now) {
      String body = frame.path("body").asText("");
      if ("message".equals(frame.path("type").asText()) && body.startsWith("o ")) {
        operatorToCitizen.add(now - Long.parseLong(body.substring(2)));
        CountDownLatch latch = expect;
        if (latch != null) {
          latch.countDown();
        }
      }
    }
  }

  private final class Operator extends Side {
    @Override
    void received(JsonNode frame, long now) {
      String body = frame.path("body").asText("");
      if ("message".equals(frame.path("type").asText()) && body.startsWith("c ")) {
        citizenToOperator.add(now - Long.parseLong(body.substring(2)));
        CountDownLatch latch = expect;
        if (latch != null) {
          latch.countDown();
        }
      }
    }
  }

  /**
   * The client address of session {@code i} (10.77.x.y): the node trusts {@code X-Forwarded-For}
   * from a loopback peer (Tomcat's default internal proxies, {@code
   * server.forward-headers-strategy=native}), so each session counts against the public chat's rate
   * limits as one citizen would, and the limits stay as configured.
   */
  static String sessionAddress(int i) {
    return "10.77." + (i / 250) + "." + (1 + i % 250);
  }

  private Citizen startCitizen(String base, String address) {
    try {
      Map<String, String> forwarded = Map.of("X-Forwarded-For", address);
      JsonNode started =
          send(
              base,
              "POST",
              "/api/public/chat/conversations",
              null,
              null,
              "{\"language\":\"it\",\"page\":\"/load\"}",
              forwarded);
      Citizen citizen = new Citizen();
      citizen.token = started.path("token").asText();
      send(
          base,
          "POST",
          "/api/public/chat/privacy",
          null,
          citizen.token,
          "{\"accepted\":true}",
          forwarded);
      JsonNode state =
          send(
              base,
              "POST",
              "/api/public/chat/messages",
              null,
              citizen.token,
              "{\"text\":\"operatore\"}",
              forwarded);
      if (!"QUEUED".equals(state.path("status").asText())) {
        throw new IllegalStateException("not queued (service hours?): " + state);
      }
      citizen.seen = state.path("lastSeq").asLong();
      citizen.socket =
          http.newWebSocketBuilder()
              .header("X-Forwarded-For", address)
              .buildAsync(
                  URI.create(base.replace("http", "ws") + "/api/public/chat/socket"), citizen)
              .get(30, TimeUnit.SECONDS);
      citizen
          .socket
          .sendText(
              "{\"type\":\"hello\",\"token\":\""
                  + citizen.token
                  + "\",\"after\":"
                  + citizen.seen
                  + "}",
              true)
          .join();
      return citizen;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Operator takeAndFollow(String base, String user, long conversation) {
    try {
      String authorization = "Bearer " + token(user);
      send(base, "POST", "/api/chats/" + conversation + "/take", authorization, null, null);
      Operator operator = new Operator();
      operator.socket =
          http.newWebSocketBuilder()
              .header("Authorization", authorization)
              .buildAsync(URI.create(base.replace("http", "ws") + "/api/chats/socket"), operator)
              .get(30, TimeUnit.SECONDS);
      operator
          .socket
          .sendText("{\"type\":\"hello\",\"conversation\":" + conversation + ",\"after\":0}", true)
          .join();
      return operator;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode send(
      String base, String method, String path, String authorization, String token, String body)
      throws Exception {
    return send(base, method, path, authorization, token, body, Map.of());
  }

  private JsonNode send(
      String base,
      String method,
      String path,
      String authorization,
      String token,
      String body,
      Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    headers.forEach(request::header);
    request.header("Content-Type", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (token != null) {
      request.header("X-Chat-Token", token);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + path + ": " + response.statusCode() + " " + response.body());
    }
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  private String token(String user) {
    return tokens.computeIfAbsent(
        user,
        name -> {
          try {
            String pem = privateKeyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            java.security.PrivateKey key =
                java.security.KeyFactory.getInstance("RSA")
                    .generatePrivate(
                        new java.security.spec.PKCS8EncodedKeySpec(
                            Base64.getDecoder().decode(pem)));
            com.nimbusds.jwt.SignedJWT jwt =
                new com.nimbusds.jwt.SignedJWT(
                    new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.RS256),
                    new com.nimbusds.jwt.JWTClaimsSet.Builder()
                        .subject(name)
                        .claim("preferred_username", name)
                        .claim(
                            "groups",
                            name.equals("admin")
                                ? List.of("camunda-admin")
                                : List.of("level1", "general", "payments", "privacy", "technical"))
                        .issueTime(new java.util.Date())
                        .expirationTime(
                            java.util.Date.from(Instant.now().plus(Duration.ofHours(12))))
                        .build());
            jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
            return jwt.serialize();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  // --- nodes ---

  private Process startNode(String name, int port, int postgres, boolean first) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + options.getOrDefault("node-heap", "1g"));
    command.add("-cp");
    // without empty entries: one would put the working directory (the sources' forms) on it
    command.add(
        String.join(
            java.io.File.pathSeparator,
            java.util.Arrays.stream(
                    System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .toList()));
    command.add("it.sportello.SportelloApplication");
    command.add("--server.port=" + port);
    if (first) {
      Path data = out.resolve("postgres");
      deleteTree(data);
      command.add("--sportello.embedded-postgres.port=" + postgres);
      command.add("--sportello.embedded-postgres.data-directory=" + data.toAbsolutePath());
    } else {
      command.add("--spring.datasource.url=jdbc:postgresql://localhost:" + postgres + "/postgres");
      command.add("--spring.datasource.username=postgres");
    }
    command.addAll(
        List.of(
            "--sportello.mail.embedded-server.smtp-port=0",
            "--sportello.mail.embedded-server.imap-port=0",
            "--sportello.mail.polling.enabled=false",
            "--sportello.mail.outbound.enabled=false",
            "--sportello.search.embedded.start-on-startup=false",
            "--sportello.search.indexer.enabled=false",
            "--sportello.chat.max-chats-per-operator=" + CHATS_PER_OPERATOR,
            // the chats queue whatever the day and hour of the run
            "--sportello.sla.calendar.national-holidays=false",
            "--sportello.sla.calendar.local-holidays=",
            "--sportello.sla.calendar.opening-hours.MONDAY=00:00-23:59",
            "--sportello.sla.calendar.opening-hours.TUESDAY=00:00-23:59",
            "--sportello.sla.calendar.opening-hours.WEDNESDAY=00:00-23:59",
            "--sportello.sla.calendar.opening-hours.THURSDAY=00:00-23:59",
            "--sportello.sla.calendar.opening-hours.FRIDAY=00:00-23:59",
            "--sportello.sla.calendar.opening-hours.SATURDAY=00:00-23:59",
            "--sportello.sla.calendar.opening-hours.SUNDAY=00:00-23:59",
            // the many requests of the set-up are not an overload
            "--sportello.web.overload.max-wait=60s",
            "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
                + Path.of("backend/target/test-classes/test-jwt/public.pem").toAbsolutePath()));
    log("starting node %s on port %d", name, port);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(out.resolve("node-" + name + ".log").toFile())
            .start();
    ports.put(process.pid(), port);
    return process;
  }

  private void waitUp(int port, Process node) throws Exception {
    Instant until = Instant.now().plus(Duration.ofMinutes(8));
    while (Instant.now().isBefore(until)) {
      if (!node.isAlive()) {
        throw new IllegalStateException("a node stopped; see " + out);
      }
      try {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(2000);
    }
    throw new IllegalStateException("node on port " + port + " did not start");
  }

  /** Node A's heap used after a full GC (jcmd GC.run, then the actuator's metric). */
  private long heapAfterGc(Process node) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    new ProcessBuilder(jcmd.toString(), Long.toString(node.pid()), "GC.run")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor(60, TimeUnit.SECONDS);
    Thread.sleep(1000);
    String base = "http://localhost:" + portOf(node);
    JsonNode metric =
        send(
            base,
            "GET",
            "/actuator/metrics/jvm.memory.used?tag=area:heap",
            "Bearer " + token("admin"),
            null,
            null);
    return metric.path("measurements").get(0).path("value").asLong();
  }

  private final Map<Long, Integer> ports = new ConcurrentHashMap<>();

  private int portOf(Process node) {
    return ports.computeIfAbsent(
        node.pid(),
        pid -> {
          throw new IllegalStateException("unknown node");
        });
  }

  private void stopNodes() {
    for (Process node : nodes) {
      node.destroy();
    }
    for (Process node : nodes) {
      try {
        node.waitFor(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (node.isAlive()) {
        node.destroyForcibly();
      }
    }
  }

  // --- figures ---

  private static Map<String, Object> percentiles(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("count", sorted.size());
    if (sorted.isEmpty()) {
      return figures;
    }
    for (double p : new double[] {0.5, 0.95, 0.99}) {
      int index = (int) Math.ceil(p * sorted.size()) - 1;
      figures.put(
          "p" + Math.round(p * 100), Math.round(sorted.get(Math.max(0, index)) / 1e4) / 100.0);
    }
    figures.put("max", Math.round(sorted.get(sorted.size() - 1) / 1e4) / 100.0);
    return figures;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var files = Files.walk(root)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private static void log(String format, Object... args) {
    System.out.printf(
        "%s %s%n", Instant.now().toString().substring(11, 19), String.format(format, args));
  }
}
