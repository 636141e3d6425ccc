package it.sportello.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.search.embedded.EmbeddedSearchNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Who gets past the door: every operation of the OpenAPI document ({@code frontend/openapi.json})
 * and the engine's REST resources Sportello documents, called anonymously and as one demo user of
 * each role, compared with the committed table {@code
 * src/test/resources/security/authorization-matrix.txt}. A cell is {@code -} when the request is
 * refused with 401 or 403 and {@code +} otherwise: a 400, 404 or 409 got past authorization (path
 * parameters are harmless values that do not exist, bodies are empty, so object-level checks behind
 * the door are not exercised here). Any 5xx fails the test (but the one engine failure provoked on
 * purpose, see {@link #ENGINE_OPERATIONS}), and so does a write that succeeds with an empty body
 * (but {@link #HARMLESS_WRITES}). After a deliberate change of the rules, refresh the table with
 * {@code mvn verify -Dsportello.matrix.update=true} and review its diff; the same table with the
 * status codes and the time of each row is written to {@code
 * target/authorization-matrix-statuses.txt}.
 */
class AuthorizationMatrixIT extends IntegrationTest {

  /** Relative to the backend module, the tests' working directory. */
  private static final Path GOLDEN =
      Path.of("src/test/resources/security/authorization-matrix.txt");

  private static final Path OPENAPI =
      Path.of(System.getProperty("sportello.frontend.dir", "../frontend"), "openapi.json");
  private static final Path STATUSES = Path.of("target", "authorization-matrix-statuses.txt");

  private static final String ANONYMOUS = "anon";

  /** One demo user per role (see {@code DemoIdentities}); the column order of the table. */
  private static final Map<String, String> USERS = new LinkedHashMap<>();

  static {
    USERS.put("operator1", "level1");
    USERS.put("operator2", "level2 + level3");
    USERS.put("supervisor", "supervisor");
    USERS.put("auditor", "auditor");
    USERS.put("office1", "office");
    USERS.put("secretariat1", "secretariat");
    USERS.put("headoffice1", "head-office + office");
    USERS.put("manager1", "manager");
    USERS.put("kbeditor", "kb-editor");
    USERS.put("kbreviewer", "kb-reviewer");
    USERS.put("analyst", "analyst");
    USERS.put("admin", "camunda-admin");
    USERS.put("api-client", "api-client");
    USERS.put("dpo", "dpo");
    USERS.put("communications1", "communications");
  }

  /** Harmless values for path and required query parameters: nothing of the kind exists. */
  private static final Map<String, String> PARAMETER_VALUES =
      Map.ofEntries(
          Map.entry("taskId", "no-such-task"),
          Map.entry("callId", "no-such-call-0000"),
          Map.entry("scheduleId", "no-such-schedule"),
          Map.entry("code", "no-such-category"),
          Map.entry("ticket", "RS-1999-999999"),
          Map.entry("q", "tari"),
          Map.entry("month", "1999-01"),
          Map.entry("from", "1"),
          Map.entry("to", "2"),
          Map.entry("role", "attachment"),
          Map.entry("group", "no-such-group"),
          Map.entry("other", "RS-1999-999998"),
          Map.entry("text", "matrix"),
          Map.entry("trackingToken", "no-such-tracking-token-0000000000000"),
          Map.entry("fiscalCode", "ZZZZZZ99Z99Z999Z"),
          // a survey's personal link
          Map.entry("token", "no-such-survey-token-0000000000000"),
          // work distribution: a ticket's assignments, a queue's policy, an operator's skills
          Map.entry("businessKey", "RS-1999-999999"),
          Map.entry("queue", "no-such-queue"),
          Map.entry("operator", "no-such-operator"),
          // a full export's job, a user (users and rights)
          Map.entry("id", "no-such-id"),
          // the studio's model kinds: a form that does not exist answers 404
          Map.entry("kind", "FORM"),
          // a sampled recording's opaque id, in no sample
          Map.entry("opaqueId", "00000000-0000-0000-0000-000000000000"),
          // the studio's running instances and migrations: a process, versions that do not exist
          Map.entry("key", "no-such-process"),
          Map.entry("source", "no-such-definition"),
          Map.entry("target", "no-such-definition"));

  /** Case numbers by register: the series of each, in a year with no cases. */
  private static final Map<String, String> CASE_NUMBERS =
      Map.of(
          "/api/tickets/", "RS-1999-999999",
          "/api/complaints/", "RECL-1999-999999",
          "/api/correspondence/", "PROT-1999-999999",
          "/api/presence/", "RS-1999-999999",
          "/api/citizen/requests/", "RS-1999-999999");

  private static final String NO_SUCH_ID = "999999999";
  private static final String NO_SUCH_ENGINE_ID = "00000000-0000-0000-0000-000000000000";

  /**
   * The engine's resources the README and the tests use (external systems, analysts' tools), and
   * Camunda's first-administrator setup. Added by hand: they are not in our OpenAPI document.
   */
  private static final List<Operation> ENGINE_OPERATIONS =
      List.of(
          // empty multipart: "no deployment resources", nothing is deployed
          engine("POST", "/engine-rest/deployment/create", Body.MULTIPART),
          // the same resource under the engine-qualified path and with a trailing slash: the
          // door must treat them like the documented one
          engine("POST", "/engine-rest/engine/default/deployment/create", Body.MULTIPART),
          engine("POST", "/engine-rest/deployment/create/", Body.MULTIPART),
          engine("GET", "/engine-rest/process-definition", Body.NONE),
          // {} would start an instance without variables (the expression of its first task fails
          // and the start rolls back); a variable of an unknown type is refused (400) before the
          // engine starts anything, behind the door that lets only api-client and admin through
          new Operation(
              "POST",
              "/engine-rest/process-definition/key/office-involvement/start",
              "/engine-rest/process-definition/key/office-involvement/start",
              Body.JSON,
              """
              {"variables": {"matrix": {"value": "x", "type": "NoSuchType"}}}"""),
          engine("GET", "/engine-rest/process-instance", Body.NONE),
          engine("GET", "/engine-rest/task", Body.NONE),
          // a missing task answers 500 there too; a variable of an unknown type is refused (400)
          // before the engine looks for the task
          new Operation(
              "POST",
              "/engine-rest/task/{id}/complete",
              "/engine-rest/task/" + NO_SUCH_ENGINE_ID + "/complete",
              Body.JSON,
              """
              {"variables": {"matrix": {"value": "x", "type": "NoSuchType"}}}"""),
          engine("DELETE", "/engine-rest/process-instance/{id}", Body.NONE),
          engine("GET", "/engine-rest/history/process-instance", Body.NONE),
          // refused by Camunda while an administrator exists (the demo has one); sent with the
          // webapps' CSRF token so that a refusal is the setup's own answer
          new Operation(
              "POST",
              "/camunda/api/admin/setup/default/user/create",
              "/camunda/api/admin/setup/default/user/create",
              Body.CAMUNDA_WEBAPP,
              "{}"));

  /**
   * Writes that succeed with an empty body and harm nothing: logging out a session that Basic
   * requests do not have; rebuilding the search index from the database (idempotent); reading the
   * mailboxes again for the reconciliation (it only writes its report).
   */
  private static final Set<String> HARMLESS_WRITES =
      Set.of(
          "DELETE /api/session",
          "POST /api/kb/index/rebuild",
          "POST /api/mail/reconciliation",
          // starts a full export in the background: reads the schema, writes a file under target/
          "POST /api/admin/archive/exports",
          // the caller's own read marks and presence
          "POST /api/notifications/read-all",
          "DELETE /api/presence/{number}",
          // the retention job: removes only what is past its period, a second run nothing more
          "POST /api/retention/run",
          // an offer round on a queue that does not exist: no offers
          "POST /api/distribution/queues/{queue}/round",
          // starts an anonymous chat: the bot's greeting, nothing else until the privacy notice
          "POST /api/public/chat/conversations");

  @Autowired EmbeddedSearchNode searchNode;

  @Test
  void everyRoleReachesWhatTheCommittedMatrixSays() throws Exception {
    // search answers 503 until its node is up: wait for it, the sweep counts 5xx as failures
    searchNode.start();
    searchNode.ready().get(180, TimeUnit.SECONDS);

    List<Operation> operations = new ArrayList<>(openApiOperations());
    operations.addAll(ENGINE_OPERATIONS);
    operations.sort(
        Comparator.comparing(Operation::path).thenComparing(Operation::method, methodOrder()));
    List<String> columns = new ArrayList<>();
    columns.add(ANONYMOUS);
    columns.addAll(USERS.keySet());
    String[] webappSession = camundaWebappSession();

    long started = System.nanoTime();
    Map<String, Map<String, Integer>> statuses = new LinkedHashMap<>();
    Map<String, Long> millis = new LinkedHashMap<>();
    List<String> serverErrors = new ArrayList<>();
    List<String> unexpectedWrites = new ArrayList<>();
    for (Operation operation : operations) {
      long rowStarted = System.nanoTime();
      Map<String, Integer> row = new LinkedHashMap<>();
      for (String column : columns) {
        String user = column.equals(ANONYMOUS) ? null : column;
        Answer answer = send(operation, user, webappSession);
        row.put(column, answer.status());
        if (answer.status() >= 500) {
          serverErrors.add(operation.key() + " as " + column + ": " + answer.summary());
        }
        if (answer.status() < 300
            && !operation.method().equals("GET")
            && !HARMLESS_WRITES.contains(operation.key())) {
          unexpectedWrites.add(operation.key() + " as " + column + ": " + answer.summary());
        }
      }
      statuses.put(operation.key(), row);
      millis.put(operation.key(), (System.nanoTime() - rowStarted) / 1_000_000);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    System.out.printf(
        "Authorization matrix: %d operations x %d callers in %d ms%n",
        operations.size(), columns.size(), took.toMillis());
    Files.createDirectories(STATUSES.getParent());
    Files.writeString(STATUSES, table(columns, statuses, millis));

    String live = table(columns, statuses, null);
    if (Boolean.getBoolean("sportello.matrix.update")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, live);
    }

    assertThat(GOLDEN)
        .as("the committed matrix (create it with -Dsportello.matrix.update=true)")
        .exists();
    List<String> changed = differences(Files.readString(GOLDEN), columns, statuses);
    SoftAssertions.assertSoftly(
        softly -> {
          softly
              .assertThat(serverErrors)
              .as("server errors (the sweep's requests are harmless)")
              .isEmpty();
          softly
              .assertThat(unexpectedWrites)
              .as(
                  "writes that succeeded with an empty body: the sweep may change data,"
                      + " special-case them in this test")
              .isEmpty();
          softly
              .assertThat(changed)
              .as(
                  "cells that differ from %s (golden -> now); after a deliberate change run mvn"
                      + " verify -Dsportello.matrix.update=true and review the diff",
                  GOLDEN)
              .isEmpty();
        });
  }

  // -----------------------------------------------------------------------------------------------
  // the operations

  private enum Body {
    NONE,
    JSON,
    MULTIPART,
    /**
     * Server-sent events, asked for as JSON: past the door the answer is 406 and no stream opens.
     * (An open stream that the client drops stays open on the server until its timeout, and holds
     * up the graceful shutdown.)
     */
    STREAM,
    CAMUNDA_WEBAPP
  }

  /**
   * @param path the template, as in the table
   * @param url the concrete request (parameters filled)
   * @param json the body of a JSON request
   */
  private record Operation(String method, String path, String url, Body body, String json) {
    String key() {
      return method + " " + path;
    }
  }

  private static Operation engine(String method, String path, Body body) {
    return new Operation(method, path, path.replace("{id}", NO_SUCH_ENGINE_ID), body, null);
  }

  private List<Operation> openApiOperations() throws IOException {
    JsonNode document = json.readTree(OPENAPI.toFile());
    List<Operation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
          methods.hasNext(); ) {
        Map.Entry<String, JsonNode> method = methods.next();
        operations.add(operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()));
      }
    }
    assertThat(operations).as("operations in %s", OPENAPI).isNotEmpty();
    return operations;
  }

  private static Operation operation(String method, String template, JsonNode operation) {
    String url = template;
    StringBuilder query = new StringBuilder();
    for (JsonNode parameter : operation.path("parameters")) {
      String name = parameter.get("name").asText();
      String in = parameter.get("in").asText();
      if (in.equals("path")) {
        url = url.replace("{" + name + "}", pathValue(template, name, parameter));
      } else if (in.equals("query") && parameter.path("required").asBoolean()) {
        query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value(name));
      }
    }
    assertThat(url).as("path parameters filled in %s", template).doesNotContain("{");
    Body body;
    if (isStream(operation)) {
      body = Body.STREAM;
    } else if (operation.at("/requestBody/content/multipart~1form-data").isObject()) {
      body = Body.MULTIPART;
    } else if (Set.of("POST", "PUT", "PATCH").contains(method)) {
      body = Body.JSON;
    } else {
      body = Body.NONE;
    }
    return new Operation(method, template, url + query, body, body == Body.JSON ? "{}" : null);
  }

  private static boolean isStream(JsonNode operation) {
    for (JsonNode response : operation.path("responses")) {
      if (response.path("content").has(MediaType.TEXT_EVENT_STREAM_VALUE)) {
        return true;
      }
    }
    return false;
  }

  private static String pathValue(String template, String name, JsonNode parameter) {
    if (name.equals("number")) {
      return CASE_NUMBERS.entrySet().stream()
          .filter(register -> template.startsWith(register.getKey()))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElseThrow(() -> new AssertionError("no case number for " + template));
    }
    if (parameter.at("/schema/type").asText().equals("integer")) {
      return NO_SUCH_ID;
    }
    return value(name);
  }

  private static String value(String name) {
    String value = PARAMETER_VALUES.get(name);
    if (value == null) {
      throw new AssertionError(
          "no harmless value for the parameter '" + name + "': add one to PARAMETER_VALUES");
    }
    return value;
  }

  private static Comparator<String> methodOrder() {
    List<String> order = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    return Comparator.comparingInt(order::indexOf);
  }

  // -----------------------------------------------------------------------------------------------
  // the requests

  private record Answer(int status, String body) {
    String summary() {
      String text = body == null ? "" : body.replaceAll("\\s+", " ");
      return status + (text.isEmpty() ? "" : " " + text.substring(0, Math.min(200, text.length())));
    }
  }

  private Answer send(Operation operation, String user, String[] webappSession) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    Object body = null;
    switch (operation.body()) {
      case JSON -> {
        headers.setContentType(MediaType.APPLICATION_JSON);
        body = operation.json();
      }
      case MULTIPART -> {
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        body = new LinkedMultiValueMap<String, Object>();
      }
      case STREAM -> headers.setAccept(List.of(MediaType.APPLICATION_JSON));
      case CAMUNDA_WEBAPP -> {
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.add(HttpHeaders.COOKIE, webappSession[0]);
        headers.add("X-XSRF-TOKEN", webappSession[1]);
        body = operation.json();
      }
      case NONE -> {}
    }
    ResponseEntity<byte[]> response =
        rest.exchange(
            URI.create(operation.url()),
            HttpMethod.valueOf(operation.method()),
            new HttpEntity<>(body, headers),
            byte[].class);
    byte[] content = response.getBody();
    return new Answer(
        response.getStatusCode().value(),
        content == null ? null : new String(content, StandardCharsets.UTF_8));
  }

  /** The webapps' session cookie and CSRF token, as Camunda's welcome page hands them out. */
  private String[] camundaWebappSession() {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/welcome/default/", String.class);
    List<String> setCookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
    assertThat(setCookies).as("cookies of Camunda's welcome page").isNotNull();
    String xsrf =
        setCookies.stream()
            .filter(cookie -> cookie.startsWith("XSRF-TOKEN="))
            .findFirst()
            .orElseThrow()
            .split(";")[0]
            .substring("XSRF-TOKEN=".length());
    String cookies =
        String.join("; ", setCookies.stream().map(cookie -> cookie.split(";")[0]).toList());
    return new String[] {cookies, xsrf};
  }

  // -----------------------------------------------------------------------------------------------
  // the table

  private static boolean passed(int status) {
    return status != 401 && status != 403;
  }

  /**
   * The table; with the time each row took, its cells also show the status codes (the detailed copy
   * under target/, for reading a failure).
   */
  private static String table(
      List<String> columns, Map<String, Map<String, Integer>> statuses, Map<String, Long> millis) {
    boolean withStatuses = millis != null;
    int width = Math.max("METHOD PATH".length(), longest(statuses.keySet()));
    StringBuilder table = new StringBuilder();
    table
        .append("# Who gets past the door (AuthorizationMatrixIT): + = the request was not refused")
        .append(" (any answer\n")
        .append("# but 401/403: a 400/404/409 to a harmless request counts), - = 401 or 403.")
        .append(" Regenerate with\n")
        .append("# mvn verify -Dsportello.matrix.update=true and review the diff. Roles:\n");
    USERS.forEach(
        (user, groups) ->
            table.append("#   ").append(user).append(" = ").append(groups).append('\n'));
    table.append(pad("METHOD PATH", width));
    for (String column : columns) {
      table.append("  ").append(column);
    }
    table.append('\n');
    statuses.forEach(
        (operation, row) -> {
          StringBuilder line = new StringBuilder(pad(operation, width));
          for (String column : columns) {
            int status = row.get(column);
            String cell =
                withStatuses ? (passed(status) ? "+" : "-") + status : passed(status) ? "+" : "-";
            line.append("  ").append(pad(cell, column.length()));
          }
          if (withStatuses) {
            line.append("  ").append(millis.get(operation)).append(" ms");
          }
          table.append(line.toString().stripTrailing()).append('\n');
        });
    return table.toString();
  }

  private static int longest(Set<String> keys) {
    return keys.stream().mapToInt(String::length).max().orElse(0);
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  private static final Pattern ROW = Pattern.compile("^([A-Z]+) (\\S+)\\s+(.*)$");

  /** Each cell that changed, each operation that came or went; empty when the table holds. */
  private static List<String> differences(
      String golden, List<String> columns, Map<String, Map<String, Integer>> statuses) {
    List<String> differences = new ArrayList<>();
    List<String> goldenColumns = null;
    Map<String, List<String>> goldenRows = new LinkedHashMap<>();
    for (String line : golden.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("METHOD PATH")) {
        goldenColumns = List.of(line.substring("METHOD PATH".length()).trim().split("\\s+"));
        continue;
      }
      Matcher row = ROW.matcher(line);
      if (!row.matches()) {
        differences.add("unreadable line in the golden file: " + line);
        continue;
      }
      goldenRows.put(row.group(1) + " " + row.group(2), List.of(row.group(3).split("\\s+")));
    }
    if (!columns.equals(goldenColumns)) {
      differences.add("columns: golden " + goldenColumns + ", now " + columns);
      return differences;
    }
    statuses.forEach(
        (operation, row) -> {
          List<String> expected = goldenRows.get(operation);
          if (expected == null) {
            differences.add(operation + ": new operation, not in the golden file");
            return;
          }
          for (int i = 0; i < columns.size(); i++) {
            int status = row.get(columns.get(i));
            String now = passed(status) ? "+" : "-";
            String was = i < expected.size() ? expected.get(i) : "?";
            if (!now.equals(was)) {
              differences.add(
                  "%s  %s: %s -> %s (%d)".formatted(operation, columns.get(i), was, now, status));
            }
          }
        });
    goldenRows.keySet().stream()
        .filter(operation -> !statuses.containsKey(operation))
        .forEach(operation -> differences.add(operation + ": gone, still in the golden file"));
    return differences;
  }
}
