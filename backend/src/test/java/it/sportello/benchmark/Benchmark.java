package it.sportello.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The benchmark (issue 9): starts the packaged application on its own embedded PostgreSQL, loads
 * data, runs the scenarios side by side with their baselines and writes {@code results.json} and
 * {@code results.md}. A measurement, not a test: run by {@code docs/benchmarks/run}, never by the
 * test command.
 *
 * <p>Options ({@code --name=value}): {@code jar}, {@code out}, {@code closed} (closed tickets,
 * default 2,500,000), {@code open} (open level-1 tasks, 100,000), {@code timers} (50,000), {@code
 * rates} (intake steps in requests/s), {@code step-seconds}, {@code saturation-seconds}, {@code
 * threads}, {@code completions}, {@code overload-multiples} (open-loop rates as multiples of the
 * closed-loop capacity, 1,2,4), {@code jfr} (flight recordings of the intake's closed loops and of
 * the inbox's first page), {@code first-page-calls} (100), {@code keep-data} (reuse the loaded
 * database of the last run), {@code fill} ({@code sql}: open tasks as SQL copies of {@code
 * fill-templates} engine-started ones, or {@code engine}), {@code nodes} (2: a second application
 * node on the same database runs the timers too), {@code scenarios} (comma-separated subset of
 * intake,overload,inbox,completion,timers,report).
 */
public final class Benchmark {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String PASSWORD = "demo";

  private final Map<String, String> options;
  private final Path out;
  private final Map<String, Object> results = new LinkedHashMap<>();
  private final List<String[]> table = new ArrayList<>();
  private final HttpClient http;
  private final ExecutorService clientThreads = Executors.newFixedThreadPool(64);
  private String base;
  private int postgresPort;
  private Process app;
  private Process secondNode;
  private ProcessProbe probe;
  private final SplittableRandom random = new SplittableRandom(42);

  private Benchmark(Map<String, String> options) {
    this.options = options;
    this.out = Path.of(option("out", "target/benchmark")).toAbsolutePath();
    this.http =
        HttpClient.newBuilder()
            .executor(clientThreads)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      String[] pair = arg.replaceFirst("^--", "").split("=", 2);
      options.put(pair[0], pair.length > 1 ? pair[1] : "true");
    }
    Benchmark benchmark = new Benchmark(options);
    try {
      benchmark.run();
    } finally {
      benchmark.stopApplication();
    }
    System.exit(0);
  }

  private String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  private int intOption(String name, int fallback) {
    return Integer.parseInt(option(name, Integer.toString(fallback)).replace("_", ""));
  }

  private boolean wanted(String scenario) {
    String list = option("scenarios", "intake,overload,inbox,completion,timers,report");
    return List.of(list.split(",")).contains(scenario);
  }

  private void run() throws Exception {
    Files.createDirectories(out);
    results.put("startedAt", Instant.now().toString());
    results.put("machine", machine());
    boolean keep = Boolean.parseBoolean(option("keep-data", "false"));
    startApplication(keep);
    probe = new ProcessProbe(app.pid(), this::postmasterPid, this::heapUsed);
    ProcessProbe.Mark whole = probe.mark();
    try (Connection db = database()) {
      db.setAutoCommit(true);
      int contacts = intOption("contacts", 400_000);
      int closed = intOption("closed", 2_500_000);
      if (!keep) {
        ProcessProbe.Mark mark = probe.mark();
        BenchmarkData data = new BenchmarkData(7);
        log("loading %,d contacts and %,d closed tickets (COPY)", contacts, closed);
        data.loadContacts(db, contacts);
        data.loadClosedTickets(
            db, BenchmarkData.maxTicketId(db), closed, contacts, 24, Instant.now());
        analyze(db);
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("contacts", contacts);
        load.put("closedTickets", closed);
        load.putAll(probe.since(mark));
        load.put(
            "rowsPerSecond",
            Samples.round(closed / ((Number) load.get("wallSeconds")).doubleValue()));
        results.put("dataLoad", load);
        row(
            "data load (COPY)",
            String.format("%,d contacts + %,d closed tickets", contacts, closed),
            load.get("wallSeconds") + " s, " + load.get("rowsPerSecond") + " tickets/s",
            "minutes for 2.5M",
            "");
      }
      if (wanted("intake")) {
        intake(db);
      }
      if (wanted("overload")) {
        overload();
      }
      if (!keep) {
        fillOpenTasks(db, contacts);
      }
      if (wanted("inbox")) {
        inbox(db);
      }
      if (wanted("completion")) {
        completion();
      }
      if (wanted("report")) {
        slaReport(db);
      }
      if (wanted("timers")) {
        timers(db);
      }
      pending(
          "search",
          "KB search p50/p95 on 10,000 articles, recall@5 and MRR: docs/benchmarks/kb_search.py");
      pending(
          "mailIngestion",
          "mail ingestion (messages/s with attachments, Tika's share): MailIngestionBenchmark");
    } finally {
      results.put("application", probe.since(whole));
      probe.close();
      results.put("finishedAt", Instant.now().toString());
      Files.writeString(out.resolve("results.json"), JSON.writeValueAsString(results));
      Files.writeString(out.resolve("results.md"), markdown());
      System.out.println(markdown());
      log("results in %s", out);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Scenarios

  /**
   * Intake: POST /api/tickets at increasing rates (open loop) until errors or latency explode; then
   * closed-loop saturation of our endpoint and of the bare engine (a process of the same shape: one
   * user task with a boundary timer, started through /engine-rest) in the same run.
   */
  private void intake(Connection db) throws Exception {
    deployBaseline();
    Map<String, Object> intake = new LinkedHashMap<>();
    List<Map<String, Object>> steps = new ArrayList<>();
    int stepSeconds = intOption("step-seconds", 20);
    // warm-up: the first requests compile and fill caches
    closedLoop(this::openTicketRequest, 4, 10);
    closedLoop(this::baselineStartRequest, 4, 5);
    for (String rateText : option("rates", "5,10,20,40,80,120,160,200").split(",")) {
      int rate = Integer.parseInt(rateText.trim());
      ProcessProbe.Mark mark = probe.mark();
      Samples samples = openLoop(this::openTicketRequest, rate, stepSeconds);
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("targetPerSecond", rate);
      step.putAll(samples.figures());
      step.putAll(probe.since(mark));
      steps.add(step);
      log("intake at %d/s: %s", rate, samples.figures());
      row(
          "intake POST /api/tickets @" + rate + "/s",
          "open loop, " + stepSeconds + " s",
          latency(samples),
          rate == 50 ? "p99 < 250 ms" : "",
          resources(step));
      boolean saturated =
          samples.throughput() < rate * 0.9
              || samples.errors() > samples.count() / 100
              || samples.percentile(99) > 2000;
      if (saturated) {
        step.put("saturated", true);
        break;
      }
    }
    intake.put("steps", steps);
    int threads = intOption("threads", 8);
    int seconds = intOption("saturation-seconds", 30);
    ProcessProbe.Mark mark = probe.mark();
    flightRecording("intake-" + option("auth", "bearer"), true);
    Samples ours = closedLoop(this::openTicketRequest, threads, seconds);
    flightRecording("intake-" + option("auth", "bearer"), false);
    Map<String, Object> oursFigures = new LinkedHashMap<>(ours.figures());
    oursFigures.putAll(probe.since(mark));
    mark = probe.mark();
    Samples engine = closedLoop(this::baselineStartRequest, threads, seconds);
    Map<String, Object> engineFigures = new LinkedHashMap<>(engine.figures());
    engineFigures.putAll(probe.since(mark));
    mark = probe.mark();
    String other = option("auth", "bearer").equals("basic") ? "bearer" : "basic";
    flightRecording("intake-" + other, true);
    Samples otherAuth = closedLoop(() -> openTicketRequest(other), threads, seconds);
    flightRecording("intake-" + other, false);
    Map<String, Object> otherFigures = new LinkedHashMap<>(otherAuth.figures());
    otherFigures.putAll(probe.since(mark));
    intake.put("saturationOurs" + (other.equals("basic") ? "Basic" : "Bearer"), otherFigures);
    double ratio = ours.throughput() / engine.throughput();
    intake.put("saturationOurs", oursFigures);
    intake.put("saturationBareEngine", engineFigures);
    intake.put("ratioToBareEngine", Samples.round(ratio * 100) / 100);
    results.put("intake", intake);
    row(
        "intake saturation POST /api/tickets (" + option("auth", "bearer") + ")",
        threads + " threads, " + seconds + " s",
        latency(ours),
        "≥ 150/s; ≥ 50% of bare engine",
        resources(oursFigures));
    row(
        "  same, authenticated with "
            + (other.equals("basic")
                ? "HTTP Basic (password hash + identity queries)"
                : "a bearer token"),
        threads + " threads, " + seconds + " s",
        latency(otherAuth),
        "",
        resources(otherFigures));
    row(
        "baseline: bare engine start (user task + timer) via /engine-rest",
        threads + " threads, " + seconds + " s",
        latency(engine),
        "ours/engine = " + String.format(Locale.ROOT, "%.2f", ratio),
        resources(engineFigures));
  }

  /**
   * Open tasks: tickets as the intake stores them (COPY), each one's {@code ticket} process started
   * through the engine's REST API (the same process, classification and delegates as the intake):
   * much faster than the whole intake and the same rows. Stops at {@code open} tasks or after
   * {@code fill-minutes}.
   */
  /**
   * With {@code --jfr}: a JDK Flight Recording (profile settings) of the application around a
   * measurement, through {@code jcmd}, written to {@code <out>/<name>.jfr}. Read it with {@code
   * docs/benchmarks/jfr_top.py}.
   */
  private void flightRecording(String name, boolean start) {
    if (!Boolean.parseBoolean(option("jfr", "false"))) {
      return;
    }
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    List<String> command =
        start
            ? List.of(
                jcmd, Long.toString(app.pid()), "JFR.start", "name=" + name, "settings=profile")
            : List.of(
                jcmd,
                Long.toString(app.pid()),
                "JFR.stop",
                "name=" + name,
                "filename=" + out.resolve(name + ".jfr").toAbsolutePath());
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      process.waitFor();
      log("jcmd %s: %s", start ? "JFR.start" : "JFR.stop", output.strip());
    } catch (IOException e) {
      log("no flight recording: %s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Overload (issue 26): the capacity C of POST /api/tickets in a closed loop ({@code threads}
   * clients, {@code saturation-seconds}), then open loops at 1x, 2x and 4x C ({@code
   * overload-multiples}, {@code step-seconds} each). Goodput (2xx per second) should stay near C at
   * 2x and 4x, the excess refused at once (503 with Retry-After), the accepted requests fast.
   */
  private void overload() throws Exception {
    int threads = intOption("threads", 8);
    int seconds = intOption("saturation-seconds", 30);
    int stepSeconds = intOption("step-seconds", 20);
    closedLoop(this::openTicketRequest, 4, 10); // warm-up
    ProcessProbe.Mark mark = probe.mark();
    Samples closed = closedLoop(this::openTicketRequest, threads, seconds);
    double capacity = closed.throughput();
    Map<String, Object> overload = new LinkedHashMap<>();
    Map<String, Object> capacityFigures = new LinkedHashMap<>(closed.figures());
    capacityFigures.putAll(probe.since(mark));
    overload.put("capacity", capacityFigures);
    log("overload: capacity %.1f/s (%s)", capacity, closed.figures());
    row(
        "overload: capacity POST /api/tickets",
        "closed loop, " + threads + " threads, " + seconds + " s",
        latency(closed),
        "",
        resources(capacityFigures));
    List<Map<String, Object>> steps = new ArrayList<>();
    for (String multipleText : option("overload-multiples", "1,2,4").split(",")) {
      double multiple = Double.parseDouble(multipleText.trim());
      int rate = Math.max(1, (int) Math.round(capacity * multiple));
      mark = probe.mark();
      Samples samples = openLoop(this::openTicketRequest, rate, stepSeconds);
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("multiple", multiple);
      step.put("targetPerSecond", rate);
      step.putAll(samples.figures());
      double goodputRatio = samples.throughput() / capacity;
      step.put("goodputToCapacity", Samples.round(goodputRatio * 100) / 100);
      step.putAll(probe.since(mark));
      steps.add(step);
      log("overload %.0fx (%d/s): %s", multiple, rate, samples.figures());
      row(
          "overload " + multipleText.trim() + "× capacity @" + rate + "/s",
          "open loop, " + stepSeconds + " s",
          "goodput "
              + latency(samples)
              + String.format(Locale.ROOT, "; goodput/capacity %.2f", goodputRatio)
              + (step.containsKey("errorStatuses") ? "; refused " + step.get("errorStatuses") : ""),
          "goodput ≥ 0.9 C, p99 of accepted < 1 s",
          resources(step));
      // let the refused clients' backlog drain before the next step
      Thread.sleep(2000);
    }
    overload.put("steps", steps);
    results.put("overload", overload);
  }

  /**
   * Open tasks up to {@code open}. With {@code fill=engine} every ticket's process is started
   * through /engine-rest (the real start, about 6-10 per second per core). With {@code fill=sql}
   * (the default) only {@code fill-templates} (200) are started that way and the others are SQL
   * copies of them ({@link EngineClones}: the same rows the engine writes, ids and numbers
   * replaced), which reaches 100,000 open tasks in minutes. Stops starting after {@code
   * fill-minutes}.
   */
  private void fillOpenTasks(Connection db, int contacts) throws Exception {
    int wanted = intOption("open", 100_000);
    int existing = count(db, "select count(*) from act_ru_task");
    int missing = Math.max(0, wanted - existing);
    if (missing == 0) {
      return;
    }
    boolean sql = option("fill", "sql").equals("sql");
    int started = sql ? Math.min(missing, intOption("fill-templates", 200)) : missing;
    ProcessProbe.Mark mark = probe.mark();
    Map<String, Object> fill = new LinkedHashMap<>();
    List<String[]> tickets = startTicketProcesses(db, contacts, started, fill);
    int copies = missing - started;
    if (sql && copies > 0 && !tickets.isEmpty()) {
      // the templates must wait at their first task (an asynchronous step may still run)
      String numbers =
          tickets.stream().map(t -> "'" + t[0] + "'").reduce((a, b) -> a + "," + b).orElseThrow();
      String waiting =
          "select count(distinct e.business_key_) from act_ru_task k join act_ru_execution e on"
              + " e.id_ = k.proc_inst_id_ where e.business_key_ in ("
              + numbers
              + ")";
      for (int i = 0; i < 120 && count(db, waiting) < tickets.size(); i++) {
        Thread.sleep(1000);
      }
      List<String> templates = new ArrayList<>();
      try (Statement statement = db.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  waiting.replace("count(distinct e.business_key_)", "distinct e.business_key_"))) {
        while (rows.next()) {
          templates.add(rows.getString(1));
        }
      }
      long copyStarted = System.nanoTime();
      log("copying %d template processes into %,d (SQL)", templates.size(), copies);
      Map<String, Integer> written;
      db.setAutoCommit(false);
      try {
        written =
            EngineClones.copy(db, templates, copies, BenchmarkData.reserveTicketIds(db, copies));
        db.commit();
      } finally {
        db.setAutoCommit(true);
      }
      double copySeconds = (System.nanoTime() - copyStarted) / 1e9;
      log("copied in %.1f s: %s", copySeconds, written);
      // the copies were all "received" now: a tenth made overdue and a fifth past their follow-up
      // date (the inbox's SLA states read the task's dates), by a hash of the task's id
      try (Statement statement = db.createStatement()) {
        int overdue =
            statement.executeUpdate(
                "update act_ru_task set follow_up_date_ = now() - interval '2 hours', due_date_ ="
                    + " now() - interval '1 hour' where ('x' || substr(md5(id_), 1, 2))::bit(8)::int"
                    + " < 26");
        int followUp =
            statement.executeUpdate(
                "update act_ru_task set follow_up_date_ = now() - interval '1 hour', due_date_ ="
                    + " now() + interval '1 day' where ('x' || substr(md5(id_), 1, 2))::bit(8)::int"
                    + " between 26 and 77");
        // the inbox read model (ADR 0035) copies the task's dates: changed here behind the engine's
        // back, so copied here too
        statement.executeUpdate(
            "update sportello.inbox_task i set due_at = t.due_date_::timestamptz, follow_up_at ="
                + " t.follow_up_date_::timestamptz from act_ru_task t where t.id_ = i.task_id and"
                + " (i.due_at is distinct from t.due_date_::timestamptz or i.follow_up_at is"
                + " distinct from t.follow_up_date_::timestamptz)");
        // what autovacuum does after so many rows written: the visibility map lets the inbox's
        // capped counts read the indexes only (index-only scans)
        statement.execute("vacuum analyze sportello.inbox_task");
        fill.put("tasksMadeOverdue", overdue);
        fill.put("tasksMadeFollowUp", followUp);
      }
      fill.put("templates", templates.size());
      fill.put("copies", copies);
      fill.put("copySeconds", Samples.round(copySeconds));
      fill.put("rowsCopied", written);
    }
    analyze(db);
    int tasks = count(db, "select count(*) from act_ru_task");
    fill.putAll(probe.since(mark));
    fill.put("openTasks", tasks);
    fill.put("wanted", wanted);
    fill.put("method", sql ? "sql copies of engine-started templates" : "engine starts");
    results.put("openTaskFill", fill);
    row(
        sql
            ? "open tasks: " + started + " started via /engine-rest, the rest SQL copies"
            : "ticket process started via /engine-rest on a stored ticket",
        String.format("%,d open tasks reached", tasks),
        fill.containsKey("copySeconds")
            ? fill.get("wallSeconds") + " s in all, copies " + fill.get("copySeconds") + " s"
            : fill.get("wallSeconds") + " s",
        "",
        resources(fill));
  }

  /** Stores {@code count} new tickets and starts each one's process through /engine-rest. */
  private List<String[]> startTicketProcesses(
      Connection db, int contacts, int count, Map<String, Object> fill) throws Exception {
    int minutes = intOption("fill-minutes", 30);
    log("starting %,d ticket processes through the engine", count);
    BenchmarkData data = new BenchmarkData(11);
    List<String[]> tickets =
        data.loadNewTickets(db, BenchmarkData.reserveTicketIds(db, count), count, contacts);
    ConcurrentLinkedQueue<String[]> queue = new ConcurrentLinkedQueue<>(tickets);
    Instant deadline = Instant.now().plus(Duration.ofMinutes(minutes));
    Samples samples = new Samples();
    int threads = intOption("threads", 8);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int i = 0; i < threads; i++) {
      pool.submit(
          () -> {
            String[] ticket;
            while (Instant.now().isBefore(deadline) && (ticket = queue.poll()) != null) {
              timed(samples, startTicketProcessRequest(ticket), 200);
            }
          });
    }
    pool.shutdown();
    while (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
      log("  %,d started (%,.0f/s)", samples.count(), samples.throughput());
    }
    samples.stop();
    fill.put("engineStarts", samples.figures());
    if (!queue.isEmpty()) {
      // tickets whose process did not start within the time: not left as NEW without a process
      try (Statement statement = db.createStatement()) {
        statement.execute(
            "delete from sportello.ticket_event where ticket_id in (select id from"
                + " sportello.ticket t where t.status = 'NEW' and t.created_by = 'benchmark')");
        statement.execute(
            "delete from sportello.ticket where status = 'NEW' and created_by = 'benchmark'");
      }
    }
    List<String[]> startedTickets = new ArrayList<>(tickets);
    startedTickets.removeAll(queue);
    return startedTickets;
  }

  /**
   * Inbox: first page of operator1 (level 1, every queue) with every open task and closed ticket.
   */
  private void inbox(Connection db) throws Exception {
    int open = count(db, "select count(*) from act_ru_task");
    long closed = count(db, "select count(*) from sportello.ticket where status = 'CLOSED'");
    Map<String, Object> inbox = new LinkedHashMap<>();
    inbox.put("openTasks", open);
    inbox.put("closedTickets", closed);
    // the first page, each filter of the inbox, each SLA state, and the supervisors' view of the
    // queues' SLA figures (as supervisor)
    Map<String, String> variants = new LinkedHashMap<>();
    variants.put("firstPage", "/api/inbox?size=25");
    variants.put("queuePayments", "/api/inbox?size=25&queue=payments");
    variants.put("typeQ", "/api/inbox?size=25&type=Q");
    variants.put("channelEmail", "/api/inbox?size=25&channel=EMAIL");
    variants.put("languageEn", "/api/inbox?size=25&language=en");
    variants.put("priority1", "/api/inbox?size=25&priority=1");
    variants.put("number", "/api/inbox?size=25&number=BN-12");
    variants.put("requester", "/api/inbox?size=25&requester=rossi");
    variants.put("slaOnTrack", "/api/inbox?size=25&sla=ON_TRACK");
    variants.put("slaAtRisk", "/api/inbox?size=25&sla=AT_RISK");
    variants.put("slaBreached", "/api/inbox?size=25&sla=BREACHED");
    variants.put("supervisorOverview", "/api/supervisor/overview");
    int defaultCalls = intOption("inbox-calls", 30);
    for (Map.Entry<String, String> variant : variants.entrySet()) {
      String user = variant.getKey().startsWith("supervisor") ? "supervisor" : "operator1";
      JsonNode page = JSON.readTree(get(variant.getValue(), user).body());
      for (int i = 0; i < 5; i++) {
        get(variant.getValue(), user);
      }
      ProcessProbe.Mark mark = probe.mark();
      Samples samples = new Samples();
      boolean firstPage = variant.getKey().equals("firstPage");
      int calls = firstPage ? intOption("first-page-calls", 100) : defaultCalls;
      if (firstPage) {
        // with --jfr: where the application's CPU per first page goes (docs/benchmarks/jfr_top.py)
        flightRecording("inbox-firstPage", true);
      }
      for (int i = 0; i < calls; i++) {
        timed(samples, request(variant.getValue(), user, null), 200);
      }
      samples.stop();
      if (firstPage) {
        flightRecording("inbox-firstPage", false);
      }
      Map<String, Object> figures = new LinkedHashMap<>(samples.figures());
      figures.put("matched", page.path("totalElements").asLong());
      figures.putAll(probe.since(mark));
      inbox.put(variant.getKey(), figures);
      row(
          "inbox GET " + variant.getValue(),
          String.format(
              "%,d open tasks, %,d closed tickets; matched %,d",
              open, closed, page.path("totalElements").asLong()),
          latency(samples),
          "p95 < 50 ms",
          resources(figures));
    }
    results.put("inbox", inbox);
  }

  /** Task completion: level-1 operators claim and solve tasks from their inbox, 8 at a time. */
  private void completion() throws Exception {
    int total = intOption("completions", 2000);
    List<String> taskIds = new ArrayList<>();
    for (int page = 0; taskIds.size() < total; page++) {
      JsonNode rows =
          JSON.readTree(get("/api/inbox?size=200&page=" + page, "operator1").body()).path("items");
      if (rows.isEmpty()) {
        break;
      }
      rows.forEach(row -> taskIds.add(row.path("taskId").asText()));
    }
    ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(taskIds);
    Samples claims = new Samples();
    Samples completes = new Samples();
    Samples both = new Samples();
    int threads = intOption("threads", 8);
    ProcessProbe.Mark mark = probe.mark();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int i = 0; i < threads; i++) {
      pool.submit(
          () -> {
            String id;
            while ((id = queue.poll()) != null) {
              long started = System.nanoTime();
              if (!timed(claims, request("/api/tasks/" + id + "/claim", "operator1", "{}"), 200)) {
                continue;
              }
              String body =
                  "{\"decision\":\"SOLVE\",\"answer\":\"Le indicazioni richieste sono disponibili"
                      + " sul portale del Comune, sezione Servizi.\"}";
              if (timed(
                  completes, request("/api/tasks/" + id + "/complete", "operator1", body), 204)) {
                both.ok((System.nanoTime() - started) / 1e6);
              }
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.HOURS);
    claims.stop();
    completes.stop();
    both.stop();
    Map<String, Object> completion = new LinkedHashMap<>();
    completion.put("claim", claims.figures());
    completion.put("complete", completes.figures());
    completion.put("claimAndComplete", both.figures());
    completion.put("count", both.count());
    completion.putAll(probe.since(mark));
    results.put("taskCompletion", completion);
    row(
        "claim + complete level-1 task (SOLVE)",
        String.format("%,d tasks, %d threads", taskIds.size(), threads),
        latency(both),
        "",
        resources(completion));
    row("  of which claim", "", latency(claims), "", "");
    row("  of which complete", "", latency(completes), "", "");
  }

  /**
   * Timers: the take-in-charge timers of up to {@code timers} open tickets made due at once (their
   * due date moved to now in ACT_RU_JOB: the application's clock cannot be moved); time until the
   * job executor ran them all, and no timer ran twice nor escalated a ticket twice.
   */
  private void timers(Connection db) throws Exception {
    int wanted = intOption("timers", 50_000);
    int nodes = intOption("nodes", 1);
    if (nodes > 1 && secondNode == null) {
      secondNode = startSecondNode();
    }
    int made;
    Instant dueAt = Instant.now().minusSeconds(1);
    try (PreparedStatement statement =
        db.prepareStatement(
            "create temp table if not exists benchmark_due_timers as select j.id_ from act_ru_job"
                + " j join act_ru_jobdef d on d.id_ = j.job_def_id_ where d.act_id_ ="
                + " 'boundaryEvent_takeInChargeOverdue' and j.duedate_ > ? limit ?")) {
      statement.setTimestamp(1, Timestamp.from(dueAt));
      statement.setInt(2, wanted);
      statement.execute();
    }
    try (PreparedStatement statement =
        db.prepareStatement(
            "update act_ru_job set duedate_ = ? where id_ in (select id_ from"
                + " benchmark_due_timers)")) {
      statement.setTimestamp(1, Timestamp.from(dueAt));
      made = statement.executeUpdate();
    }
    log("%,d take-in-charge timers due now, %d node(s)", made, nodes);
    flightRecording("timers", true);
    ProcessProbe.Mark mark = probe.mark();
    long started = System.nanoTime();
    String remainingSql =
        "select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ where"
            + " d.act_id_ = 'boundaryEvent_takeInChargeOverdue' and j.duedate_ <= now() and"
            + " j.retries_ > 0";
    int remaining = made;
    Instant limit = Instant.now().plus(Duration.ofMinutes(intOption("timer-minutes", 30)));
    while (remaining > 0 && Instant.now().isBefore(limit)) {
      Thread.sleep(1000);
      remaining = count(db, remainingSql);
      if ((System.nanoTime() - started) / 1_000_000_000L % 15 == 0) {
        log("  %,d timers still due", remaining);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    flightRecording("timers", false);
    Map<String, Object> timers = timerRun(made, remaining, seconds);
    timers.put(
        "failedJobs",
        count(
            db,
            "select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                + " where d.act_id_ = 'boundaryEvent_takeInChargeOverdue' and j.retries_ = 0"));
    timers.put(
        "timersRunTwice",
        count(
            db,
            "select count(*) from (select job_id_ from act_hi_job_log where act_id_ ="
                + " 'boundaryEvent_takeInChargeOverdue' and job_state_ = 2 group by job_id_ having"
                + " count(*) > 1) twice"));
    timers.put(
        "ticketsEscalatedTwice",
        count(
            db,
            "select count(*) from (select ticket_id from sportello.ticket_event where kind ="
                + " 'TAKE_IN_CHARGE_OVERDUE' group by ticket_id having count(*) > 1) twice"));
    timers.put(
        "escalationEvents",
        count(
            db,
            "select count(*) from sportello.ticket_event where kind = 'TAKE_IN_CHARGE_OVERDUE'"));
    // executions per timer, from the job log: once, more than once, never
    try (Statement statement = db.createStatement();
        ResultSet executions =
            statement.executeQuery(
                "select count(*) filter (where n = 1), count(*) filter (where n > 1), (select"
                    + " count(*) from benchmark_due_timers) - count(*) from (select job_id_, count(*)"
                    + " n from act_hi_job_log where job_state_ = 2 and job_id_ in (select id_ from"
                    + " benchmark_due_timers) group by job_id_) runs")) {
      executions.next();
      timers.put("timersRunOnce", executions.getInt(1));
      timers.put("timersRunMoreThanOnce", executions.getInt(2));
      timers.put("timersNeverRun", executions.getInt(3));
    }
    Map<String, Integer> perNode = new LinkedHashMap<>();
    try (Statement statement = db.createStatement();
        ResultSet hosts =
            statement.executeQuery(
                "select hostname_, count(*) from act_hi_job_log where job_state_ = 2 and job_id_ in"
                    + " (select id_ from benchmark_due_timers) group by hostname_ order by 1")) {
      while (hosts.next()) {
        perNode.put(hosts.getString(1), hosts.getInt(2));
      }
    }
    timers.put("nodes", nodes);
    timers.put("runByNode", perNode);
    try (Statement statement = db.createStatement()) {
      statement.execute("drop table benchmark_due_timers");
    }
    timers.putAll(probe.since(mark));
    results.put("timers", timers);
    row(
        "SLA timers due at once → escalations",
        String.format(
            "%,d timers, %d node(s) %s; run once %s, more than once %s, never %s; %s tickets"
                + " escalated twice",
            made,
            nodes,
            perNode,
            timers.get("timersRunOnce"),
            timers.get("timersRunMoreThanOnce"),
            timers.get("timersNeverRun"),
            timers.get("ticketsEscalatedTwice")),
        String.format(
            Locale.ROOT,
            "all done in %.1f s (%.0f/s)%s",
            seconds,
            (made - remaining) / seconds,
            remaining > 0 ? ", " + remaining + " NOT done" : ""),
        "50,000 in < 120 s",
        resources(timers));
    if (Boolean.parseBoolean(option("bare-timers", "false"))) {
      bareTimers(db, made);
    }
  }

  /**
   * The floor's process: our escalation's shape (user task, boundary timer, service task, end), no
   * code of ours.
   */
  private static final String BARE_TIMER_BPMN =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="benchmark">
        <process id="benchmark-bare-timer" isExecutable="true" camunda:historyTimeToLive="P1D">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
          <userTask id="task" camunda:candidateGroups="${queue}" camunda:dueDate="${dueAt}"/>
          <boundaryEvent id="bareTimer" attachedToRef="task" cancelActivity="false">
            <timerEventDefinition><timeDate>${dueAt}</timeDate></timerEventDefinition>
          </boundaryEvent>
          <sequenceFlow id="f2" sourceRef="bareTimer" targetRef="noop"/>
          <serviceTask id="noop" camunda:expression="${true}"/>
          <sequenceFlow id="f3" sourceRef="noop" targetRef="escalated"/>
          <endEvent id="escalated"/>
          <sequenceFlow id="f4" sourceRef="task" targetRef="end"/>
          <endEvent id="end"/>
        </process>
      </definitions>
      """;

  /**
   * The floor ({@code --bare-timers}): as many timers of a process of the escalation's shape with a
   * no-op service task, made due at once, in our application (our engine configuration, no
   * delegate) and in the bare application (docs/benchmarks/bare-camunda: Spring Boot and Camunda
   * only, {@code --bare-jar}) on its own database of the same PostgreSQL, with the same JVM options
   * and job executor settings. Rate and CPU per job beside ours.
   */
  private void bareTimers(Connection db, int wanted) throws Exception {
    int count = intOption("bare-timer-count", wanted);
    // 1. our application, our engine configuration, no code of ours in the job
    engineTimers("engine only, in our application", base, true, db, probe, count);
    // 2. the bare application
    Path jar = Path.of(option("bare-jar", "docs/benchmarks/bare-camunda/target/bare-camunda.jar"));
    if (!Files.exists(jar)) {
      log("no %s: build it with mvn -B -q -f docs/benchmarks/bare-camunda/pom.xml package", jar);
      return;
    }
    try (Statement statement = db.createStatement()) {
      statement.execute("drop database if exists bare");
      statement.execute("create database bare");
    }
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(option("jvm-options", "-XX:+UseG1GC").split(" ")));
    command.addAll(
        List.of(
            "-jar",
            jar.toAbsolutePath().toString(),
            "--server.port=" + port,
            "--spring.datasource.url=jdbc:postgresql://localhost:" + postgresPort + "/bare",
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--spring.datasource.hikari.maximum-pool-size=20",
            // the job executor and eventing as ours (application.yml)
            "--camunda.bpm.job-execution.enabled=true",
            "--camunda.bpm.job-execution.core-pool-size=3",
            "--camunda.bpm.job-execution.max-pool-size=3",
            "--camunda.bpm.job-execution.max-jobs-per-acquisition=20",
            "--camunda.bpm.job-execution.queue-capacity=20",
            "--camunda.bpm.job-execution.max-wait=5000",
            "--camunda.bpm.eventing.execution=false",
            "--camunda.bpm.eventing.history=false",
            "--camunda.bpm.generic-properties.properties.hostname=bare"));
    command.addAll(
        List.of(option("bare-options", "").split(" ")).stream().filter(o -> !o.isBlank()).toList());
    log("starting the bare application: %s", String.join(" ", command));
    Process bare =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(out.resolve("application-bare.log").toFile())
            .start();
    try (Connection bareDb =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + postgresPort + "/bare", "postgres", "");
        ProcessProbe bareProbe = new ProcessProbe(bare.pid(), this::postmasterPid, () -> 0L)) {
      awaitHealthy(bare, port, "The bare application", out.resolve("application-bare.log"));
      bareDb.setAutoCommit(true);
      engineTimers(
          "bare Spring Boot + Camunda",
          "http://localhost:" + port,
          false,
          bareDb,
          bareProbe,
          count);
    } finally {
      bare.destroy();
      if (!bare.waitFor(60, TimeUnit.SECONDS)) {
        bare.destroyForcibly();
      }
    }
  }

  /**
   * Deploys the bare timer process to {@code url}, starts {@code count}, makes their timers due,
   * waits.
   */
  private void engineTimers(
      String label, String url, boolean ours, Connection db, ProcessProbe probe, int count)
      throws Exception {
    String boundary = "----benchmark" + UUID.randomUUID();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbare-timer\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"data\";"
            + " filename=\"benchmark-bare-timer.bpmn\"\r\nContent-Type: application/xml\r\n\r\n"
            + BARE_TIMER_BPMN.strip()
            + "\r\n--"
            + boundary
            + "--\r\n";
    HttpRequest.Builder deploy =
        HttpRequest.newBuilder(URI.create(url + "/engine-rest/deployment/create"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (ours) {
      deploy.header("Authorization", authorization("admin"));
    }
    HttpResponse<String> deployed = http.send(deploy.build(), HttpResponse.BodyHandlers.ofString());
    if (deployed.statusCode() != 200) {
      throw new IllegalStateException(label + ": deployment failed: " + deployed.body());
    }
    String dueAt =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .format(java.time.ZonedDateTime.now(BenchmarkData.ROME).plusDays(2));
    String start =
        json(
            Map.of(
                "variables",
                Map.of(
                    "queue", Map.of("value", "benchmark", "type", "String"),
                    "dueAt", Map.of("value", dueAt, "type", "Date"))));
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger failed =
        new java.util.concurrent.atomic.AtomicInteger();
    long startedAt = System.nanoTime();
    List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      workers.add(
          clientThreads.submit(
              () -> {
                while (next.getAndIncrement() < count) {
                  HttpRequest.Builder request =
                      HttpRequest.newBuilder(
                              URI.create(
                                  url
                                      + "/engine-rest/process-definition/key/benchmark-bare-timer/start"))
                          .header("Content-Type", "application/json")
                          .timeout(Duration.ofSeconds(60))
                          .POST(HttpRequest.BodyPublishers.ofString(start));
                  if (ours) {
                    request.header("Authorization", authorization("api-client"));
                  }
                  try {
                    if (http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                        != 200) {
                      failed.incrementAndGet();
                    }
                  } catch (Exception e) {
                    failed.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (var worker : workers) {
      worker.get();
    }
    log(
        "%s: %,d instances started in %.1f s (%d failed)",
        label, count, (System.nanoTime() - startedAt) / 1e9, failed.get());
    String ofTheProcess =
        " from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ where d.act_id_ ="
            + " 'bareTimer'";
    int made;
    try (Statement statement = db.createStatement()) {
      statement.execute("drop table if exists benchmark_bare_timers");
      statement.execute("create table benchmark_bare_timers as select j.id_" + ofTheProcess);
      made =
          statement.executeUpdate(
              "update act_ru_job set duedate_ = now() - interval '1 second' where id_ in (select"
                  + " id_ from benchmark_bare_timers)");
    }
    log("%s: %,d timers due now", label, made);
    ProcessProbe.Mark mark = probe.mark();
    long started = System.nanoTime();
    String remainingSql =
        "select count(*)" + ofTheProcess + " and j.duedate_ <= now() and j.retries_ > 0";
    int remaining = made;
    Instant limit = Instant.now().plus(Duration.ofMinutes(intOption("timer-minutes", 30)));
    while (remaining > 0 && Instant.now().isBefore(limit)) {
      Thread.sleep(500);
      remaining = count(db, remainingSql);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Map<String, Object> figures = timerRun(made, remaining, seconds);
    figures.put(
        "timersRunMoreThanOnce",
        count(
            db,
            "select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 and"
                + " job_id_ in (select id_ from benchmark_bare_timers) group by job_id_ having"
                + " count(*) > 1) twice"));
    try (Statement statement = db.createStatement()) {
      statement.execute("drop table benchmark_bare_timers");
    }
    figures.putAll(probe.since(mark));
    @SuppressWarnings("unchecked")
    Map<String, Object> floor =
        (Map<String, Object>) results.computeIfAbsent("timersFloor", k -> new LinkedHashMap<>());
    floor.put(ours ? "engineInOurApplication" : "bareApplication", figures);
    row(
        "timers of a no-op process: " + label,
        String.format(
            "%,d timers, 1 node; more than once %s", made, figures.get("timersRunMoreThanOnce")),
        String.format(
            Locale.ROOT,
            "all done in %.1f s (%.0f/s)%s",
            seconds,
            (made - remaining) / seconds,
            remaining > 0 ? ", " + remaining + " NOT done" : ""),
        "the floor",
        resources(figures));
  }

  /** The monthly SLA report of a month in the middle of the loaded history, and its query plan. */
  private void slaReport(Connection db) throws Exception {
    YearMonth month = YearMonth.now().minusMonths(intOption("report-months-ago", 6));
    String path = "/api/reports/sla?month=" + month;
    long tickets =
        count(
            db,
            "select count(*) from sportello.ticket where received_at >= '"
                + month.atDay(1)
                + "' and received_at < '"
                + month.plusMonths(1).atDay(1)
                + "'");
    timed(new Samples(), request(path, "supervisor", null), 200);
    ProcessProbe.Mark mark = probe.mark();
    Samples samples = new Samples();
    for (int i = 0; i < intOption("report-calls", 5); i++) {
      timed(samples, request(path, "supervisor", null), 200);
    }
    samples.stop();
    Map<String, Object> report = new LinkedHashMap<>(samples.figures());
    report.put("month", month.toString());
    report.put("ticketsInMonth", tickets);
    report.put(
        "callsInMonth",
        count(
            db,
            "select count(*) from sportello.phone_call where offered_at >= '"
                + month.atDay(1)
                + "' and offered_at < '"
                + month.plusMonths(1).atDay(1)
                + "'"));
    report.putAll(probe.since(mark));
    results.put("slaReport", report);
    StringBuilder plan = new StringBuilder();
    try (Statement statement = db.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "explain (analyze, buffers) select t.id, t.number, t.channel, t.queue, t.type,"
                    + " t.status, t.outcome, t.received_at, t.taken_in_charge_at, t.resolved_at,"
                    + " t.closed_at, t.sla_paused_at, p.kinds, p.times from sportello.ticket t"
                    + " left join lateral (select array_agg(e.kind order by e.occurred_at, e.id)"
                    + " as kinds, array_agg(e.occurred_at order by e.occurred_at, e.id) as times"
                    + " from sportello.ticket_event e where e.ticket_id = t.id and e.kind in"
                    + " ('SLA_PAUSED', 'SLA_RESUMED', 'CLOSED_FOR_NO_REPLY')) p on true where"
                    + " t.received_at >= '"
                    + month.atDay(1)
                    + "' and t.received_at < '"
                    + month.plusMonths(1).atDay(1)
                    + "' and t.channel in ('VOICEMAIL', 'EMAIL', 'PEC', 'WEB', 'API', 'FAX',"
                    + " 'SOCIAL') order by t.received_at, t.id")) {
      while (rows.next()) {
        plan.append(rows.getString(1)).append('\n');
      }
    }
    Files.writeString(out.resolve("sla-report-plan.txt"), plan);
    row(
        "SLA report GET " + path,
        String.format(
            "%,d tickets in the month, %,d in all",
            tickets, count(db, "select count(*) from sportello.ticket")),
        latency(samples),
        "< 2 s",
        resources(report));
  }

  private void pending(String name, String what) {
    results.put(name, Map.of("status", "not measured", "why", what));
    row(name, "—", "not measured", "", what);
  }

  // ---------------------------------------------------------------------------------------------
  // Load generation

  private Samples openLoop(Supplier<HttpRequest> requests, int perSecond, int seconds)
      throws InterruptedException {
    Samples samples = new Samples();
    Semaphore inFlight = new Semaphore(256);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    AtomicInteger sent = new AtomicInteger();
    int total = perSecond * seconds;
    long periodNanos = 1_000_000_000L / perSecond;
    ticker.scheduleAtFixedRate(
        () -> {
          if (sent.incrementAndGet() > total) {
            return;
          }
          if (!inFlight.tryAcquire()) {
            samples.failed(-1); // the client's limit: the server is not keeping up
            return;
          }
          HttpRequest request = requests.get();
          long started = System.nanoTime();
          http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
              .whenComplete(
                  (response, failure) -> {
                    inFlight.release();
                    if (failure == null && response.statusCode() / 100 == 2) {
                      samples.ok((System.nanoTime() - started) / 1e6);
                    } else {
                      samples.failed(failure == null ? response.statusCode() : 0);
                    }
                  });
        },
        0,
        periodNanos,
        TimeUnit.NANOSECONDS);
    while (sent.get() < total) {
      Thread.sleep(100);
    }
    ticker.shutdownNow();
    inFlight.acquire(256);
    samples.stop();
    return samples;
  }

  private Samples closedLoop(Supplier<HttpRequest> requests, int threads, int seconds)
      throws InterruptedException {
    Samples samples = new Samples();
    Instant until = Instant.now().plusSeconds(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int i = 0; i < threads; i++) {
      pool.submit(
          () -> {
            while (Instant.now().isBefore(until)) {
              timed(samples, requests.get(), 0);
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
    samples.stop();
    return samples;
  }

  /** Sends and records; expected 0 means any 2xx. @return whether it succeeded */
  private boolean timed(Samples samples, HttpRequest request, int expected) {
    long started = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      boolean ok =
          expected == 0 ? response.statusCode() / 100 == 2 : response.statusCode() == expected;
      if (ok) {
        samples.ok((System.nanoTime() - started) / 1e6);
      } else {
        samples.failed(response.statusCode());
        if (samples.errors() <= 3) {
          log(
              "  %s %s → %d %s",
              request.method(), request.uri().getPath(), response.statusCode(), response.body());
        }
      }
      return ok;
    } catch (IOException e) {
      samples.failed(0);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private HttpRequest openTicketRequest() {
    return openTicketRequest(option("auth", "bearer"));
  }

  private HttpRequest openTicketRequest(String auth) {
    SplittableRandom r;
    synchronized (random) {
      r = random.split();
    }
    String[] subject = BenchmarkData.SUBJECTS[r.nextInt(BenchmarkData.SUBJECTS.length)];
    String name = BenchmarkData.name(r);
    Map<String, Object> requester = new LinkedHashMap<>();
    requester.put("name", name);
    // a third of the requesters come back: their fiscal code is already known
    requester.put(
        "fiscalCode",
        BenchmarkData.fiscalCode(
            name, r.nextInt(3) == 0 ? 1 + r.nextInt(1000) : 20_000_000L + r.nextInt(1 << 30)));
    requester.put("email", name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ".") + "@example.it");
    Map<String, Object> body = new LinkedHashMap<>();
    String[] channels = {"WEB", "WEB", "API", "EMAIL", "PEC"};
    body.put("channel", channels[r.nextInt(channels.length)]);
    body.put("subject", subject[2]);
    body.put("description", subject[3]);
    body.put("language", "it");
    body.put("requester", requester);
    if (subject[0] != null) {
      body.put("category", Map.of("topic", subject[0]));
    }
    body.put("context", Map.of("page", "/servizi/" + subject[1], "browser", "Firefox 140"));
    return HttpRequest.newBuilder(URI.create(base + "/api/tickets"))
        .header("Authorization", authorization("api-client", auth))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(json(body)))
        .build();
  }

  private static final String BASELINE_BPMN =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="benchmark">
        <process id="benchmark-baseline" isExecutable="true" camunda:historyTimeToLive="P1D">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
          <userTask id="task" camunda:candidateGroups="${queue}" camunda:dueDate="${dueAt}"
              camunda:followUpDate="${dueAt}"/>
          <boundaryEvent id="timer" attachedToRef="task" cancelActivity="false">
            <timerEventDefinition><timeDate>${dueAt}</timeDate></timerEventDefinition>
          </boundaryEvent>
          <sequenceFlow id="f2" sourceRef="timer" targetRef="escalated"/>
          <endEvent id="escalated"/>
          <sequenceFlow id="f3" sourceRef="task" targetRef="end"/>
          <endEvent id="end"/>
        </process>
      </definitions>
      """;

  private void deployBaseline() throws Exception {
    String boundary = "----benchmark" + UUID.randomUUID();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbenchmark\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"data\";"
            + " filename=\"benchmark-baseline.bpmn\"\r\nContent-Type: application/xml\r\n\r\n"
            + BASELINE_BPMN.strip()
            + "\r\n--"
            + boundary
            + "--\r\n";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/engine-rest/deployment/create"))
                .header("Authorization", authorization("admin"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Baseline deployment failed: " + response.body());
    }
  }

  private HttpRequest baselineStartRequest() {
    String dueAt =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .format(java.time.ZonedDateTime.now(BenchmarkData.ROME).plusDays(2));
    Map<String, Object> body =
        Map.of(
            "businessKey",
            "BL-" + UUID.randomUUID(),
            "variables",
            Map.of(
                "queue", Map.of("value", "benchmark", "type", "String"),
                "dueAt", Map.of("value", dueAt, "type", "Date")));
    return engineStart("benchmark-baseline", body);
  }

  private HttpRequest startTicketProcessRequest(String[] ticket) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("ticketType", Map.of("value", ticket[1], "type", "String"));
    variables.put("channel", Map.of("value", ticket[2], "type", "String"));
    Map<String, Object> topic = new HashMap<>();
    topic.put("value", ticket[3].isEmpty() ? null : ticket[3]);
    topic.put("type", "String");
    variables.put("topic", topic);
    variables.put("language", Map.of("value", ticket[4], "type", "String"));
    return engineStart("ticket", Map.of("businessKey", ticket[0], "variables", variables));
  }

  private HttpRequest engineStart(String key, Map<String, Object> body) {
    return HttpRequest.newBuilder(
            URI.create(base + "/engine-rest/process-definition/key/" + key + "/start"))
        .header("Authorization", authorization("api-client"))
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(json(body)))
        .build();
  }

  private HttpRequest request(String path, String user, String postBody) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", authorization(user))
            .timeout(Duration.ofSeconds(120));
    if (postBody != null) {
      builder
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(postBody));
    }
    return builder.build();
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    HttpResponse<String> response =
        http.send(request(path, user, null), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " → " + response.statusCode() + " " + response.body());
    }
    return response;
  }

  /** The demo users' groups, as an OIDC provider would put them in the token. */
  private static final Map<String, List<String>> GROUPS =
      Map.of(
          "operator1", List.of("level1", "general", "payments", "privacy", "technical"),
          "supervisor", List.of("supervisor"),
          "admin", List.of("camunda-admin"),
          "api-client", List.of("api-client"));

  private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * As production clients authenticate: an OIDC bearer token (signed with the tests' key, which the
   * benchmark's application trusts), or with {@code --auth=basic} a password checked by Camunda's
   * identity service on every request.
   */
  private String authorization(String user) {
    return authorization(user, option("auth", "bearer"));
  }

  private String authorization(String user, String mode) {
    if (mode.equals("basic")) {
      return basic(user);
    }
    return "Bearer " + tokens.computeIfAbsent(user, Benchmark::token);
  }

  private static String token(String user) {
    try {
      String pem =
          Files.readString(Path.of("backend/target/test-classes/test-jwt/private.pem"))
              .replaceAll("-----[A-Z ]+-----", "")
              .replaceAll("\\s", "");
      java.security.PrivateKey key =
          java.security.KeyFactory.getInstance("RSA")
              .generatePrivate(
                  new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
      com.nimbusds.jwt.SignedJWT jwt =
          new com.nimbusds.jwt.SignedJWT(
              new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.RS256),
              new com.nimbusds.jwt.JWTClaimsSet.Builder()
                  .subject(user)
                  .claim("preferred_username", user)
                  .claim("groups", GROUPS.getOrDefault(user, List.of()))
                  .issueTime(new java.util.Date())
                  .expirationTime(java.util.Date.from(Instant.now().plus(Duration.ofHours(12))))
                  .build());
      jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot sign the benchmark's token", e);
    }
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private static String json(Object value) {
    try {
      return new ObjectMapper().writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The application and its database

  private void startApplication(boolean keep) throws Exception {
    // a copy: a build running meanwhile rewrites backend/target/sportello.jar under the application
    Path jar = out.resolve("sportello.jar");
    Files.copy(
        Path.of(option("jar", "backend/target/sportello.jar")),
        jar,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path data = out.resolve("postgres");
    if (!keep && Files.exists(data)) {
      try (var files = Files.walk(data)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    int port = freePort();
    postgresPort = keep ? intOption("postgres-port", 25432) : freePort();
    base = "http://localhost:" + port;
    List<String> command =
        applicationCommand(
            port,
            "--sportello.embedded-postgres.port=" + postgresPort,
            "--sportello.embedded-postgres.data-directory=" + data,
            // the job log's hostname_ tells which node ran a job (--nodes=2)
            "--camunda.bpm.generic-properties.properties.hostname=node1",
            // the baseline and the fast way to open tasks start these through /engine-rest as
            // api-client, which may otherwise start only office-involvement (README "Security")
            "--sportello.engine.api-client-processes=office-involvement,ticket,benchmark-baseline,benchmark-bare-timer",
            // trusts the tests' token key, as production trusts its OIDC provider
            "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
                + Path.of("backend/target/test-classes/test-jwt/public.pem").toAbsolutePath());
    log("starting %s", String.join(" ", command));
    app =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(out.resolve("application.log").toFile())
            .start();
    Instant started = Instant.now();
    awaitHealthy(app, port, "The application", out.resolve("application.log"));
    log("application up on %s (pid %d)", base, app.pid());
    results.put(
        "applicationStartSeconds",
        Samples.round(Duration.between(started, Instant.now()).toMillis() / 1000.0));
  }

  /**
   * A second application node on the same database ({@code --nodes=2}, the timers scenario): the
   * same jar and JVM options, its own port, no database or search node of its own, job executor on.
   */
  private Process startSecondNode() throws Exception {
    int port = freePort();
    List<String> command =
        applicationCommand(
            port,
            "--spring.datasource.url=jdbc:postgresql://localhost:" + postgresPort + "/postgres",
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--sportello.search.embedded.start-on-startup=false",
            "--camunda.bpm.generic-properties.properties.hostname=node2");
    log("starting a second node: %s", String.join(" ", command));
    Process node =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(out.resolve("application-node2.log").toFile())
            .start();
    awaitHealthy(node, port, "The second node", out.resolve("application-node2.log"));
    log("second node up on port %d (pid %d)", port, node.pid());
    return node;
  }

  /**
   * The command that runs the copied jar on {@code port} with the JVM options: no mail polled or
   * sent, the mail server's ports any free ones, the job executor on; then {@code arguments}.
   */
  private List<String> applicationCommand(int port, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(option("jvm-options", "-XX:+UseG1GC").split(" ")));
    command.addAll(
        List.of(
            "-jar",
            out.resolve("sportello.jar").toString(),
            "--server.port=" + port,
            "--sportello.mail.embedded-server.smtp-port=0",
            "--sportello.mail.embedded-server.imap-port=0",
            "--sportello.mail.polling.enabled=false",
            "--sportello.mail.outbound.enabled=false",
            "--camunda.bpm.job-execution.enabled=true"));
    command.addAll(List.of(arguments));
    return command;
  }

  /**
   * Waits up to five minutes for the node on {@code port} to answer its health check.
   *
   * @throws IllegalStateException when it stops meanwhile (see its log) or is not up by then
   */
  private void awaitHealthy(Process node, int port, String name, Path log) throws Exception {
    // --start-minutes: a start on a shared, loaded machine can take longer than the default 5
    int minutes = intOption("start-minutes", 5);
    Instant until = Instant.now().plus(Duration.ofMinutes(minutes));
    while (Instant.now().isBefore(until)) {
      if (!node.isAlive()) {
        throw new IllegalStateException(name + " stopped; see " + log);
      }
      try {
        if (http.send(
                    HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/actuator/health"))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException(name + " did not start within " + minutes + " minutes");
  }

  private void stopApplication() throws InterruptedException {
    clientThreads.shutdownNow();
    if (secondNode != null && secondNode.isAlive()) {
      secondNode.destroy();
      secondNode.waitFor(60, TimeUnit.SECONDS);
    }
    if (app != null && app.isAlive()) {
      app.destroy();
      if (!app.waitFor(60, TimeUnit.SECONDS)) {
        app.destroyForcibly();
      }
    }
  }

  private Connection database() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + postgresPort + "/postgres", "postgres", "");
  }

  private long postmasterPid() {
    try {
      return Long.parseLong(
          Files.readAllLines(out.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private final AtomicLong lastHeap = new AtomicLong();

  private long heapUsed() {
    try {
      HttpResponse<String> response =
          http.send(
              request("/actuator/metrics/jvm.memory.used?tag=area:heap", "admin", null),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        lastHeap.set(
            JSON.readTree(response.body()).path("measurements").get(0).path("value").asLong());
      }
    } catch (Exception e) {
      // keep the last figure
    }
    return lastHeap.get();
  }

  private static void analyze(Connection db) throws SQLException {
    try (Statement statement = db.createStatement()) {
      statement.execute("analyze");
    }
  }

  private static int count(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getInt(1);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Reporting

  private static Map<String, Object> machine() throws IOException {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      machine.put(
          "cpu",
          lines
              .filter(line -> line.startsWith("model name"))
              .findFirst()
              .map(line -> line.substring(line.indexOf(':') + 1).strip())
              .orElse("?"));
    }
    try (var lines = Files.lines(Path.of("/proc/meminfo"))) {
      machine.put(
          "memoryGb",
          lines
              .filter(line -> line.startsWith("MemTotal"))
              .findFirst()
              .map(line -> Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1048576.0))
              .orElse(0L));
    }
    machine.put("java", System.getProperty("java.version"));
    machine.put("loadAverageAtStart", ProcessProbe.loadAverage());
    return machine;
  }

  private static String latency(Samples samples) {
    return String.format(
        Locale.ROOT,
        "%,.1f/s; median %.1f ms, p95 %.1f ms, p99 %.1f ms (%d ok, %d errors)",
        samples.throughput(),
        samples.percentile(50),
        samples.percentile(95),
        samples.percentile(99),
        samples.count(),
        samples.errors());
  }

  private static String resources(Map<String, Object> figures) {
    if (!figures.containsKey("appCpuSeconds")) {
      return "";
    }
    String perOperation = "";
    if (figures.get("count") instanceof Number count && count.doubleValue() > 0) {
      // CPU per operation depends far less on the other work of a shared machine than latency
      double app =
          ((Number) figures.get("appCpuSeconds")).doubleValue() * 1000 / count.doubleValue();
      double postgres =
          ((Number) figures.get("postgresCpuSeconds")).doubleValue() * 1000 / count.doubleValue();
      figures.put("appCpuMsPerOperation", Samples.round(app));
      figures.put("postgresCpuMsPerOperation", Samples.round(postgres));
      perOperation =
          String.format(
              Locale.ROOT, "CPU per operation: app %.1f ms + PostgreSQL %.1f ms; ", app, postgres);
    }
    return perOperation
        + String.format(
            Locale.ROOT,
            "app CPU %s s (%s cores), PostgreSQL CPU %s s, peak RSS %s MB, heap %s MB, load %s",
            figures.get("appCpuSeconds"),
            figures.get("appCpuCores"),
            figures.get("postgresCpuSeconds"),
            figures.get("peakRssMb"),
            figures.get("peakHeapUsedMb"),
            figures.get("loadAverage"));
  }

  private void row(String scenario, String setting, String figures, String target, String cost) {
    table.add(new String[] {scenario, setting, figures, target, cost});
  }

  @SuppressWarnings("unchecked")
  private String markdown() {
    StringBuilder md = new StringBuilder();
    Map<String, Object> machine = (Map<String, Object>) results.get("machine");
    md.append("# Sportello benchmark ")
        .append(results.get("startedAt"))
        .append("\n\nMachine: ")
        .append(machine)
        .append("\n\n| scenario | setting | figures | target | cost |\n|---|---|---|---|---|\n");
    for (String[] row : table) {
      md.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    Object application = results.get("application");
    if (application != null) {
      md.append("\nApplication over the whole run: ").append(application).append('\n');
    }
    return md.toString();
  }

  private static void log(String format, Object... args) {
    System.out.printf(
        "[%s] %s%n", Instant.now().toString().substring(11, 19), String.format(format, args));
  }

  /**
   * The figures of a run of timers made due at once: how many were due, ran and remain, how fast.
   */
  private static Map<String, Object> timerRun(int made, int remaining, double seconds) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("due", made);
    figures.put("count", made - remaining);
    figures.put("remaining", remaining);
    figures.put("seconds", Samples.round(seconds));
    figures.put("perSecond", Samples.round((made - remaining) / seconds));
    return figures;
  }
}
