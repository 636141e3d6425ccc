package it.sportello.datasubject;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.ProcedureTestSupport;
import it.sportello.processes.DataSubjectRequestProcess;
import it.sportello.processes.DataSubjectRequestProcess.Elements;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The data subject's rights end to end: the access export's zip (tickets, steps, a document's
 * original bytes, the audit rows of who read the data), the erasure that leaves none of the
 * person's identifiers in any text column of any of our tables except the items kept with their
 * reason, the legal deadline on the service calendar, and the officer's answer closing the
 * procedure.
 */
class DataSubjectRequestsIT extends ProcedureTestSupport {

  private static final ZoneId ROME = ZoneId.of("Europe/Rome");

  @Autowired NamedParameterJdbcTemplate jdbc;

  /** A person with identifiers found nowhere else. */
  record Someone(String fiscalCode, String name, String email, String phone) {
    static Someone fresh() {
      String fc = it.sportello.IntegrationTest.fiscalCode();
      ThreadLocalRandom random = ThreadLocalRandom.current();
      String tag = fc.substring(0, 6).toLowerCase();
      return new Someone(
          fc,
          "Ottavia Zq" + tag,
          "ottavia." + tag + "@example.it",
          "+39333" + (1000000 + random.nextInt(8999999)));
    }

    List<String> identifiers() {
      return List.of(fiscalCode, name, email, phone);
    }
  }

  private String openTicket(Someone person, String subject) {
    Map<String, Object> request = ticketRequest(person.fiscalCode(), subject);
    request.put(
        "requester",
        Map.of(
            "fiscalCode",
            person.fiscalCode(),
            "name",
            person.name(),
            "email",
            person.email(),
            "phone",
            person.phone()));
    request.put(
        "description", "Scrivo io, " + person.name() + ", telefono " + person.phone() + ".");
    ResponseEntity<JsonNode> created = post("/api/tickets", "operator1", request);
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().path("number").asText();
  }

  private void close(String ticketNumber) {
    jdbc.update(
        "update sportello.ticket set status = 'CLOSED', closed_at = now(), outcome = 'SOLVED'"
            + " where number = :n",
        Map.of("n", ticketNumber));
  }

  private JsonNode runRequest(JsonNode job) {
    long id = job.path("id").asLong();
    String activity =
        "EXPORT".equals(job.path("kind").asText()) ? Elements.PRODUCE_EXPORT : Elements.ERASE_DATA;
    runJob("DSR-" + id, DataSubjectRequestProcess.PROCESS_KEY, activity);
    // an erasure's residual scan completes it after the job's commit, on its own thread
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofMinutes(2))
        .until(
            () ->
                !"RUNNING"
                    .equals(
                        get("/api/data-subject-requests/" + id, "dpo")
                            .getBody()
                            .path("state")
                            .asText()));
    JsonNode done = get("/api/data-subject-requests/" + id, "dpo").getBody();
    assertThat(done.path("state").asText()).as("%s", done).isEqualTo("DONE");
    assertThat(done.path("progress").asInt()).isEqualTo(100);
    return done;
  }

  @Test
  void theAccessExportHoldsTheTicketsTheDocumentsBytesAndWhoReadTheData() throws Exception {
    Someone person = Someone.fresh();
    String number = openTicket(person, "Rimborso TARI non ricevuto");
    byte[] file = ("Ricevuta di pagamento di " + person.name()).getBytes(StandardCharsets.UTF_8);
    assertThat(
            upload(
                    "/api/tickets/" + number + "/documents",
                    "operator1",
                    "ATTACHMENT",
                    "ricevuta.txt",
                    file)
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(get("/api/tickets/" + number, "operator2").getStatusCode()).isEqualTo(HttpStatus.OK);

    JsonNode found = get("/api/data-subjects?email=" + person.email(), "dpo").getBody();
    assertThat(found).hasSize(1);
    assertThat(found.get(0).path("fiscalCode").asText()).isEqualTo(person.fiscalCode());

    ResponseEntity<JsonNode> accepted =
        post("/api/data-subjects/" + person.fiscalCode() + "/export", "dpo", null);
    assertThat(accepted.getStatusCode())
        .as("%s", accepted.getBody())
        .isEqualTo(HttpStatus.ACCEPTED);
    JsonNode job = accepted.getBody();
    assertThat(job.path("state").asText()).isEqualTo("QUEUED");
    assertThat(job.path("links").path("self").asText())
        .isEqualTo("/api/data-subject-requests/" + job.path("id").asLong());

    JsonNode done = runRequest(job);
    String archiveLink = done.path("links").path("archive").asText();
    assertThat(archiveLink).endsWith("/archive");

    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("dpo", "demo");
    ResponseEntity<byte[]> zip =
        rest.exchange(archiveLink, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    assertThat(zip.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, byte[]> entries = unzip(zip.getBody());

    assertThat(entries)
        .containsKeys(
            "manifest.json",
            "contact.json",
            "tickets.json",
            "interactions.json",
            "mails.json",
            "documents.json",
            "calls.json",
            "proceedings.json",
            "surveys.json",
            "chats.json",
            "audit.json");
    JsonNode tickets = json.readTree(entries.get("tickets.json"));
    assertThat(tickets.path("tickets").get(0).path("number").asText()).isEqualTo(number);
    assertThat(tickets.path("tickets").get(0).path("subject").asText())
        .isEqualTo("Rimborso TARI non ricevuto");
    assertThat(tickets.path("steps").size()).isPositive();
    JsonNode contact = json.readTree(entries.get("contact.json"));
    assertThat(contact.path("contacts").get(0).path("email").asText()).isEqualTo(person.email());
    byte[] document =
        entries.entrySet().stream()
            .filter(e -> e.getKey().startsWith("documents/") && e.getKey().endsWith("ricevuta.txt"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no document in " + entries.keySet()));
    assertThat(document).isEqualTo(file);
    JsonNode audit = json.readTree(entries.get("audit.json")).path("rows");
    List<String> readers = new ArrayList<>();
    audit.forEach(
        row -> readers.add(row.path("actor").asText() + ":" + row.path("action").asText()));
    assertThat(readers).contains("operator2:READ");

    // the download itself is in the trail, about the person
    JsonNode trail =
        get("/api/audit?subject=" + person.fiscalCode() + "&action=EXPORT", "dpo").getBody();
    assertThat(trail.path("items").toString()).contains("data-subject-export");

    // the zip is a file on disk (not bytes in a row), served from there, removed by retention
    long id = job.path("id").asLong();
    java.nio.file.Path stored =
        java.nio.file.Path.of("target/it-access-exports", "data-subject-" + id + ".zip");
    assertThat(stored).exists().hasBinaryContent(zip.getBody());
    assertThat(
            jdbc.queryForObject(
                "select archive is null and file_name is not null"
                    + " from sportello.data_subject_export where request_id = :id",
                Map.of("id", id),
                Boolean.class))
        .isTrue();
    assertThat(done.path("archiveSize").asLong()).isEqualTo(zip.getBody().length);
    jdbc.update(
        "update sportello.data_subject_export set created_at = created_at - interval '400 days'"
            + " where request_id = :id",
        Map.of("id", id));
    assertThat(
            accessExportRetention.purgeBatch(
                Instant.now().minus(java.time.Duration.ofDays(30)), 500))
        .isPositive();
    assertThat(stored).doesNotExist();
    assertThat(
            rest.exchange(archiveLink, HttpMethod.GET, new HttpEntity<>(headers), byte[].class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Autowired AccessExportRetention accessExportRetention;

  @Test
  void anErasureLeavesNoneOfThePersonsDataInAnyTableButTheAuditTrail() {
    Someone person = Someone.fresh();
    String first = openTicket(person, "Cambio di residenza");
    String second = openTicket(person, "Certificato anagrafico");
    upload(
        "/api/tickets/" + first + "/documents",
        "operator1",
        "ATTACHMENT",
        "documento.txt",
        ("Carta d'identita' di " + person.name() + " " + person.fiscalCode())
            .getBytes(StandardCharsets.UTF_8));
    close(first);
    close(second);
    mentionInTheEngine(first, person);
    assertThat(occurrences(person)).as("the person's data before the erasure").isNotEmpty();
    assertThat(occurrences(person).keySet())
        .as("the engine's tables are searched too")
        .anyMatch(column -> column.startsWith("act_hi_comment."))
        .anyMatch(column -> column.startsWith("act_ru_task."));

    ResponseEntity<JsonNode> accepted =
        post("/api/data-subjects/" + person.fiscalCode() + "/erasure", "dpo", null);
    assertThat(accepted.getStatusCode())
        .as("%s", accepted.getBody())
        .isEqualTo(HttpStatus.ACCEPTED);
    JsonNode done = runRequest(accepted.getBody());

    JsonNode outcome = done.path("outcome");
    List<String> keptKinds = new ArrayList<>();
    outcome.path("kept").forEach(kept -> keptKinds.add(kept.path("kind").asText()));
    assertThat(keptKinds).as("%s", outcome).containsExactly("audit");
    assertThat(outcome.path("kept").get(0).path("reason").asText()).contains("accountability");
    assertThat(outcome.path("erased").toString()).contains("tickets").contains("contacts");
    assertThat(done.path("subject").asText()).startsWith("sha256:");

    Map<String, Long> left = occurrences(person);
    assertThat(left.keySet())
        .as("columns still holding the person's identifiers")
        .allMatch(column -> column.startsWith("audit_event."));
    // the outcome's own scan says the same
    outcome
        .path("residual")
        .forEach(r -> assertThat(r.path("table").asText()).isEqualTo("audit_event"));
    // the tickets stay, for the statistics, without their words
    assertThat(
            jdbc.queryForObject(
                "select subject from sportello.ticket where number = :n",
                Map.of("n", first),
                String.class))
        .isEqualTo("[erased]");
  }

  @Autowired DataSubjectRequests requests;
  @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

  @Test
  void theResidualScanRunsAfterTheErasureCommitsAndThenCompletesTheOutcome() {
    Someone person = Someone.fresh();
    close(openTicket(person, "Pratica da cancellare"));
    long id =
        post("/api/data-subjects/" + person.fiscalCode() + "/erasure", "dpo", null)
            .getBody()
            .path("id")
            .asLong();

    transactions.executeWithoutResult(
        tx -> {
          requests.erase(id);
          Map<String, Object> during =
              jdbc.queryForMap(
                  "select state, step, cast(outcome as text) as outcome"
                      + " from sportello.data_subject_request where id = :id",
                  Map.of("id", id));
          assertThat(during).containsEntry("state", "RUNNING").containsEntry("step", "checking");
          assertThat((String) during.get("outcome"))
              .as("no scan inside the erasure's transaction")
              .contains("erased")
              .doesNotContain("residual");
        });

    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofMinutes(2))
        .until(
            () ->
                "DONE"
                    .equals(
                        get("/api/data-subject-requests/" + id, "dpo")
                            .getBody()
                            .path("state")
                            .asText()));
    JsonNode outcome = get("/api/data-subject-requests/" + id, "dpo").getBody().path("outcome");
    assertThat(outcome.has("residualError")).as("%s", outcome).isFalse();
    assertThat(outcome.path("erased").toString()).contains("tickets");
    List<String> residualTables = new ArrayList<>();
    outcome.path("residual").forEach(r -> residualTables.add(r.path("table").asText()));
    assertThat(residualTables)
        .as("the kept audit trail, found by the scan")
        .contains("audit_event");
  }

  @Test
  void anOpenTicketIsKeptWithItsReasonAndTheClosedOneErased() {
    Someone person = Someone.fresh();
    String closed = openTicket(person, "Pratica chiusa");
    String open = openTicket(person, "Pratica aperta");
    close(closed);

    JsonNode done =
        runRequest(
            post("/api/data-subjects/" + person.fiscalCode() + "/erasure", "dpo", null).getBody());

    Map<String, String> kept = new HashMap<>();
    done.path("outcome")
        .path("kept")
        .forEach(k -> kept.put(k.path("ref").asText(), k.path("reason").asText()));
    assertThat(kept).containsKey(open).doesNotContainKey(closed);
    assertThat(kept.get(open)).startsWith("open ticket");
    assertThat(kept.values()).anyMatch(reason -> reason.startsWith("the contact of kept items"));
    Map<String, String> subjects = new HashMap<>();
    jdbc.query(
        "select number, subject from sportello.ticket where number in (:n)",
        Map.of("n", List.of(open, closed)),
        rs -> {
          subjects.put(rs.getString(1), rs.getString(2));
        });
    assertThat(subjects).containsEntry(closed, "[erased]").containsEntry(open, "Pratica aperta");
  }

  @Test
  void theLegalDeadlineIsAMonthOnTheServiceCalendarAndTheAnswerClosesTheProcedure() {
    Someone person = Someone.fresh();
    openTicket(person, "Accesso ai dati");
    JsonNode job =
        post("/api/data-subjects/" + person.fiscalCode() + "/export", "dpo", null).getBody();
    ZonedDateTime due = Instant.parse(job.path("dueAt").asText()).atZone(ROME);
    LocalDate received = Instant.parse(job.path("requestedAt").asText()).atZone(ROME).toLocalDate();
    assertThat(due.toLocalDate()).isAfterOrEqualTo(received.plusMonths(1));
    assertThat(due.toLocalDate()).isBefore(received.plusMonths(1).plusDays(5));
    assertThat(due.toLocalTime().toString()).isEqualTo("23:59:59");
    assertThat(Instant.parse(job.path("reminderAt").asText()))
        .isBefore(Instant.parse(job.path("dueAt").asText()));

    // answering before the work is done is refused
    assertThat(
            post("/api/data-subject-requests/" + job.path("id").asLong() + "/answer", "dpo", null)
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    runRequest(job);
    ResponseEntity<JsonNode> answered =
        post("/api/data-subject-requests/" + job.path("id").asLong() + "/answer", "dpo", null);
    assertThat(answered.getStatusCode()).as("%s", answered.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(answered.getBody().path("state").asText()).isEqualTo("ANSWERED");
    assertThat(answered.getBody().path("answeredBy").asText()).isEqualTo("dpo");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey("DSR-" + job.path("id").asLong())
                .count())
        .isZero();
  }

  @Test
  void onlyTheDataProtectionOfficerMayActOnAPersonsRights() {
    Someone person = Someone.fresh();
    openTicket(person, "Diritti");
    for (String user : List.of("operator1", "supervisor", "auditor", "admin")) {
      assertThat(
              post("/api/data-subjects/" + person.fiscalCode() + "/erasure", user, null)
                  .getStatusCode())
          .as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(get("/api/data-subject-requests", user).getStatusCode())
          .as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    ResponseEntity<JsonNode> bad = post("/api/data-subjects/NOT-A-CODE/export", "dpo", null);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().toString()).contains("fiscalCode");
  }

  @Test
  void theIntakeCompletingAContactIsTracedLikeAnEdit() {
    Someone person = Someone.fresh();
    Map<String, Object> first = ticketRequest(person.fiscalCode(), "Senza telefono");
    first.put("requester", Map.of("fiscalCode", person.fiscalCode(), "name", person.name()));
    ResponseEntity<JsonNode> opened = post("/api/tickets", "operator1", first);
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    openTicket(person, "Con telefono ed e-mail");
    long contactId =
        get("/api/tickets/" + opened.getBody().path("number").asText(), "operator1")
            .getBody()
            .at("/requester/id")
            .asLong();

    JsonNode changes =
        get("/api/contacts/" + contactId + "/changes", "operator1").getBody().path("items");
    Map<String, String> byField = new HashMap<>();
    changes.forEach(
        c ->
            byField.put(
                c.path("field").asText(),
                c.path("changedBy").asText() + ":" + c.path("newValue").asText()));
    assertThat(byField)
        .containsEntry("email", "intake:" + person.email())
        .containsEntry("phone", "intake:" + person.phone());
  }

  /**
   * What staff can type about a ticket's process in Camunda's Tasklist or through its REST API: a
   * task's description, a comment, a value in the user operation log; the erasure must blank them.
   */
  private void mentionInTheEngine(String ticketNumber, Someone person) {
    Map<String, Object> p =
        Map.of(
            "n",
            ticketNumber,
            "text",
            "Richiamare " + person.name() + " al " + person.phone() + " (" + person.email() + ")",
            "id",
            java.util.UUID.randomUUID().toString());
    assertThat(
            jdbc.update(
                "update act_ru_task set description_ = :text where proc_inst_id_ in"
                    + " (select proc_inst_id_ from act_ru_execution where business_key_ = :n)",
                p))
        .isPositive();
    jdbc.update(
        "update act_hi_taskinst set description_ = :text where proc_inst_id_ in"
            + " (select proc_inst_id_ from act_hi_procinst where business_key_ = :n)",
        p);
    jdbc.update(
        "insert into act_hi_comment (id_, type_, time_, proc_inst_id_, action_, message_, full_msg_)"
            + " select :id, 'comment', now(), proc_inst_id_, 'AddComment', :text,"
            + " convert_to(:text, 'UTF8') from act_hi_procinst where business_key_ = :n",
        p);
    jdbc.update(
        "insert into act_hi_op_log (id_, proc_inst_id_, timestamp_, operation_type_, entity_type_,"
            + " property_, new_value_) select :id, proc_inst_id_, now(), 'Update', 'Task',"
            + " 'description', :text from act_hi_procinst where business_key_ = :n",
        p);
  }

  /**
   * "table.column" → rows holding one of the person's identifiers, over every text column of our
   * tables and of the process engine's ({@code act_*}: history, runtime, bytes).
   */
  private Map<String, Long> occurrences(Someone person) {
    Map<String, Long> found = new java.util.TreeMap<>();
    for (TextColumns.Table table : TextColumns.tables(jdbc)) {
      TextColumns.count(jdbc, table, person.identifiers())
          .forEach(
              (column, rows) -> {
                if (rows > 0) {
                  found.put(table.name() + "." + column, rows);
                }
              });
    }
    return found;
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }
}
