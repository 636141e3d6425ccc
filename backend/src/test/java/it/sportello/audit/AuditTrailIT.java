package it.sportello.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail: what it records, that it cannot be changed, and that tampering shows. */
class AuditTrailIT extends IntegrationTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired AuditLog audit;
  @Autowired AuditChainWatch watch;
  @Autowired PlatformTransactionManager transactions;

  private String open(String user, String fiscalCode, String type) {
    Map<String, Object> request = ticketRequest(fiscalCode, "Audit " + UUID.randomUUID());
    if (type != null) {
      request.put("type", type);
    }
    ResponseEntity<JsonNode> opened = post("/api/tickets", user, request);
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return opened.getBody().get("number").asText();
  }

  private List<JsonNode> rowsAbout(String fiscalCode) {
    ResponseEntity<JsonNode> found = get("/api/audit?subject=" + fiscalCode + "&size=100", "dpo");
    assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
    return StreamSupport.stream(found.getBody().get("items").spliterator(), false).toList();
  }

  @Test
  void readsOfATicketAreRecordedWithTheRequesterAsSubject() {
    String fiscalCode = fiscalCode();
    String number = open("operator1", fiscalCode, null);

    assertThat(get("/api/tickets/" + number, "operator1").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("/api/tickets/" + number + "/conversation", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.OK);

    List<JsonNode> rows = rowsAbout(fiscalCode);
    assertThat(rows)
        .extracting(row -> row.get("action").asText())
        .containsExactly("READ_CONVERSATION", "READ", "CREATE");
    assertThat(rows)
        .allSatisfy(
            row -> {
              assertThat(row.get("actor").asText()).isEqualTo("operator1");
              assertThat(row.get("resourceType").asText()).isEqualTo("ticket");
              assertThat(row.get("resourceId").asText()).isEqualTo(number);
              assertThat(row.get("subject").asText()).isEqualTo(fiscalCode);
            });
    assertThat(rows.get(0).get("actorRoles").asText()).contains("LEVEL1");
    assertThat(rows.get(0).get("outcome").asText()).isEqualTo("SUCCESS");

    // the auditor searches too, by user and action; the CSV export has the same rows
    ResponseEntity<JsonNode> byAuditor =
        get("/api/audit?subject=" + fiscalCode + "&user=operator1&action=READ", "auditor");
    assertThat(byAuditor.getBody().get("totalElements").asLong()).isEqualTo(1);
    ResponseEntity<String> csv =
        rest.withBasicAuth("dpo", "demo")
            .getForEntity("/api/audit/export.csv?subject=" + fiscalCode, String.class);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getBody().lines().filter(line -> line.contains(number))).hasSize(3);
    // ... and the operators do not
    assertThat(get("/api/audit?subject=" + fiscalCode, "operator1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // the DPO's search is recorded too, with the person searched for
    assertThat(rowsAbout(fiscalCode))
        .anySatisfy(
            row -> {
              assertThat(row.get("actor").asText()).isEqualTo("dpo");
              assertThat(row.get("resourceType").asText()).isEqualTo("audit");
            });
  }

  @Test
  void aLevelOneOperatorOutsideThePrivacyQueueIsRefusedAndMayBreakTheGlass() {
    String fiscalCode = fiscalCode();
    // a privacy question goes to the privacy queue, whose member operator1 is
    String number = open("operator1", fiscalCode, "PQ");
    assertThat(get("/api/tickets/" + number, "operator1").getBody().get("queue").asText())
        .isEqualTo("privacy");

    // operator3 is level 1 but not in the privacy queue; the supervisor neither
    ResponseEntity<JsonNode> refused = get("/api/tickets/" + number, "operator3");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody().get("detail").asText()).contains("need to know");
    assertThat(get("/api/tickets/" + number + "/conversation", "supervisor").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // nor does the ticket show in their lists
    JsonNode list = get("/api/tickets?queue=privacy&size=200", "operator3").getBody();
    assertThat(list.get("items").findValuesAsText("number")).doesNotContain(number);
    // nor what the person said on it, in the person's history: the entry stays, its words do not
    long contactId =
        get("/api/tickets/" + number, "operator1").getBody().path("requester").path("id").asLong();
    JsonNode history = get("/api/contacts/" + contactId + "/history", "operator3").getBody();
    assertThat(history.path("items")).isNotEmpty();
    assertThat(history.toString()).doesNotContain(number);
    assertThat(get("/api/contacts/" + contactId + "/history", "operator1").getBody().toString())
        .contains(number);
    // the supervisors' board counts the privacy queue's work without saying what it is about
    JsonNode board =
        get("/api/supervisor/groups/privacy/tasks?waitingOnly=false", "supervisor").getBody();
    assertThat(board.isArray() && !board.isEmpty()).isTrue();
    assertThat(board.toString()).doesNotContain("Audit ");

    ResponseEntity<JsonNode> brokeGlass =
        get(
            "/api/tickets/" + number + "?breakGlass=Il cittadino è al telefono, urgente",
            "operator3");
    assertThat(brokeGlass.getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> byHeader =
        call(
            HttpMethod.GET,
            "/api/tickets/" + number + "/conversation",
            "supervisor",
            null,
            Map.of("X-Break-Glass-Reason", "Reclamo del garante"));
    assertThat(byHeader.getStatusCode()).isEqualTo(HttpStatus.OK);

    List<JsonNode> rows = rowsAbout(fiscalCode);
    assertThat(rows)
        .filteredOn(row -> row.get("actor").asText().equals("operator3"))
        .filteredOn(row -> row.get("resourceType").asText().startsWith("ticket"))
        .extracting(row -> row.get("outcome").asText() + " " + row.path("reason").asText(""))
        .containsExactly("BREAK_GLASS Il cittadino è al telefono, urgente", "DENIED ");
    assertThat(rows)
        .filteredOn(row -> row.get("actor").asText().equals("supervisor"))
        .extracting(row -> row.get("outcome").asText() + " " + row.path("reason").asText(""))
        .containsExactly("BREAK_GLASS Reclamo del garante", "DENIED ");
    // a member reads without breaking the glass
    assertThat(rows)
        .filteredOn(row -> row.get("actor").asText().equals("operator1"))
        .extracting(row -> row.get("outcome").asText())
        .containsOnly("SUCCESS");
  }

  @Test
  void loginsAndFailedLoginsAreRecorded() {
    String unknownPassword = "wrong-" + UUID.randomUUID();
    ResponseEntity<JsonNode> failed =
        post("/api/session", null, Map.of("username", "analyst", "password", unknownPassword));
    assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<JsonNode> ok =
        post("/api/session", null, Map.of("username", "analyst", "password", "demo"));
    assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);

    JsonNode rows = get("/api/audit?user=analyst&action=LOGIN&size=2", "dpo").getBody();
    assertThat(rows.get("items").findValuesAsText("outcome")).containsExactly("SUCCESS", "FAILURE");
  }

  @Test
  void theTrailRefusesUpdatesAndDeletes() {
    audit.record(new AuditEntry("someone", "", "TEST", "test", "refusal", null, null, null, null));
    long seq = jdbc.queryForObject("select max(seq) from sportello.audit_event", Long.class);

    assertThatThrownBy(
            () ->
                jdbc.update("update sportello.audit_event set actor = 'nobody' where seq = ?", seq))
        .isInstanceOfSatisfying(DataAccessException.class, AuditTrailIT::refusedByTheTrigger);
    assertThatThrownBy(() -> jdbc.update("delete from sportello.audit_event where seq = ?", seq))
        .isInstanceOfSatisfying(DataAccessException.class, AuditTrailIT::refusedByTheTrigger);
    assertThatThrownBy(() -> jdbc.execute("truncate sportello.audit_event"))
        .isInstanceOfSatisfying(DataAccessException.class, AuditTrailIT::refusedByTheTrigger);
    // the role for the application in production may read and append, nothing else
    assertThat(
            jdbc.queryForList(
                "select p from unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) p"
                    + " where has_table_privilege('sportello_audit_writer',"
                    + " 'sportello.audit_event', p)",
                String.class))
        .containsExactlyInAnyOrder("SELECT", "INSERT");
  }

  @Test
  void aTamperedRowIsFoundByTheVerificationAndTheNightlyCheckAlertsTheAdministrators() {
    audit.record(new AuditEntry("someone", "", "TEST", "test", "tamper", null, null, null, null));
    audit.record(new AuditEntry("someone", "", "TEST", "test", "after", null, null, null, null));
    assertThat(get("/api/audit/verify", "dpo").getBody().get("intact").asBoolean()).isTrue();
    long seq =
        jdbc.queryForObject(
            "select max(seq) from sportello.audit_event where resource_id = 'tamper'", Long.class);

    bypassingTheTrigger("update sportello.audit_event set actor = 'nobody' where seq = " + seq);
    try {
      JsonNode verification = get("/api/audit/verify", "admin").getBody();
      assertThat(verification.get("intact").asBoolean()).isFalse();
      assertThat(verification.get("firstBadSeq").asLong()).isEqualTo(seq);
      assertThat(verification.get("rows").asLong()).isEqualTo(seq - 1);
      assertThat(verification.get("problem").asText()).contains("hash");

      watch.check();
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from sportello.app_notification where kind ="
                      + " 'AUDIT_CHAIN_BROKEN' and recipient = 'camunda-admin' and dedup_key = ?",
                  Long.class,
                  "audit-chain-broken:" + seq))
          .isEqualTo(1);
    } finally {
      bypassingTheTrigger("update sportello.audit_event set actor = 'someone' where seq = " + seq);
    }
    assertThat(get("/api/audit/verify", "dpo").getBody().get("intact").asBoolean()).isTrue();
  }

  private static void refusedByTheTrigger(DataAccessException refusal) {
    assertThat(refusal.getMostSpecificCause().getMessage()).contains("append-only");
  }

  /** As the superuser the tests connect as: with replication's role, triggers do not fire. */
  private void bypassingTheTrigger(String sql) {
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              jdbc.execute("set local session_replication_role = replica");
              jdbc.update(sql);
            });
  }

  @Test
  void concurrentWritersKeepTheChainWhole() throws Exception {
    String actor = "writer-" + UUID.randomUUID().toString().substring(0, 8);
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Object>> done = new ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        int writer = thread;
        Callable<Object> work =
            () -> {
              for (int event = 0; event < 50; event++) {
                AuditEntry entry =
                    new AuditEntry(
                        actor, "", "TEST", "test", writer + "/" + event, null, null, null, null);
                if (writer % 2 == 0) {
                  audit.record(entry);
                } else {
                  // inside a writing transaction: appended just before it commits
                  transaction.executeWithoutResult(status -> audit.record(entry));
                }
              }
              return null;
            };
        done.add(pool.submit(work));
      }
      for (Future<Object> future : done) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(
            jdbc.queryForObject(
                "select count(distinct resource_id) from sportello.audit_event where actor = ?",
                Long.class,
                actor))
        .isEqualTo(400);
    JsonNode verification = get("/api/audit/verify", "dpo").getBody();
    assertThat(verification.get("intact").asBoolean()).isTrue();
    assertThat(verification.get("rows").asLong())
        .isEqualTo(jdbc.queryForObject("select count(*) from sportello.audit_event", Long.class));
  }
}
