package it.sportello.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.processes.TicketProcess.Elements;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's history per process (issue 26 item 3, {@link EngineHistoryLevel}): what the data
 * subject's requests, the SLA figures, the audit and the fault tests read is still written; the
 * rest is not. Counts the history rows an escalation writes, table by table (printed, and the
 * figures of docs/performance.md "History per process"). Run with {@code
 * -Dsportello.engine.history.per-process=false -Dsportello.engine.history.variable-details=true}
 * the same test counts Camunda's {@code full} level (the "before" column) and checks that it writes
 * what ours drops.
 */
class EngineHistoryLevelIT extends IntegrationTest {

  /** The engine's history tables and the column naming the process instance in each. */
  private static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("act_hi_procinst", "proc_inst_id_");
    TABLES.put("act_hi_actinst", "proc_inst_id_");
    TABLES.put("act_hi_taskinst", "proc_inst_id_");
    TABLES.put("act_hi_varinst", "proc_inst_id_");
    TABLES.put("act_hi_detail", "proc_inst_id_");
    TABLES.put("act_hi_identitylink", "root_proc_inst_id_");
    TABLES.put("act_hi_job_log", "process_instance_id_");
    TABLES.put("act_hi_decinst", "proc_inst_id_");
    TABLES.put("act_hi_incident", "proc_inst_id_");
    TABLES.put("act_hi_op_log", "proc_inst_id_");
  }

  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  @Value("${sportello.engine.history.per-process:true}")
  boolean perProcess;

  @Test
  void anEscalationWritesWhatIsReadAndNothingElse() {
    ResponseEntity<JsonNode> opened =
        post("/api/tickets", "operator1", ticketRequest(fiscalCode(), "History per process"));
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = opened.getBody().get("number").asText();
    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(number)
            .singleResult()
            .getId();
    Map<String, Integer> atIntake = rows(instance);
    Job timer =
        managementService
            .createJobQuery()
            .processInstanceId(instance)
            .activityId(Elements.TAKE_IN_CHARGE_OVERDUE)
            .singleResult();
    clock.pin(timer.getDuedate().toInstant().plusSeconds(60));
    managementService.executeJob(timer.getId());
    Map<String, Integer> escalation = minus(rows(instance), atIntake);
    System.out.printf(
        "history rows (per-process=%s): intake %s; escalation %s%n",
        perProcess, atIntake, escalation);

    // what our reports, the SLA figures and the audit read: our tables, written as before
    JsonNode escalated = get("/api/tickets/" + number, "supervisor").getBody();
    assertThat(escalated.at("/sla/takeInChargeState").asText()).isEqualTo("BREACHED");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.ticket_event e join sportello.ticket t on t.id ="
                    + " e.ticket_id where t.number = ? and e.kind = 'TAKE_IN_CHARGE_OVERDUE'",
                Integer.class,
                number))
        .isEqualTo(1);
    // what is read of the engine's history: the instance by business key and its variables (the
    // data subject's requests), the timer's run in the job log (it ran once)
    assertThat(
            historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number))
        .extracting(query -> query.count())
        .isEqualTo(1L);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance))
        .extracting(query -> query.count())
        .satisfies(count -> assertThat(count).isPositive());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 2",
                Integer.class,
                timer.getId()))
        .isEqualTo(1);

    if (perProcess) {
      // dropped: candidate-group changes, decision evaluations, variable details, and every
      // activity instance but end events
      assertThat(atIntake.get("act_hi_identitylink") + escalation.get("act_hi_identitylink"))
          .isZero();
      assertThat(atIntake.get("act_hi_decinst")).isZero();
      assertThat(atIntake.get("act_hi_detail") + escalation.get("act_hi_detail")).isZero();
      assertThat(
              jdbc.queryForList(
                  "select act_id_ from act_hi_actinst where proc_inst_id_ = ?",
                  String.class,
                  instance))
          .containsExactly("endEvent_takeInChargeEscalated");
    } else {
      // Camunda's full level writes them
      assertThat(atIntake.get("act_hi_actinst")).isGreaterThan(1);
      assertThat(escalation.get("act_hi_actinst")).isGreaterThan(1);
    }
  }

  @Test
  void aLeanProcessKeepsItsInstanceAndEndOnly() {
    ProcessInstance path =
        runtimeService.startProcessInstanceByKey(
            "chat-path-tari",
            "history-lean-" + System.nanoTime(),
            Map.of(
                "chatAnswerDueAt",
                Date.from(clock.instant().plusSeconds(600)),
                "chatAnswerAtRiskFrom",
                Date.from(clock.instant().plusSeconds(300))));
    Map<String, Integer> written = rows(path.getId());
    System.out.printf(
        "history rows of a started chat path (per-process=%s): %s%n", perProcess, written);
    assertThat(written.get("act_hi_procinst")).isEqualTo(1);
    if (perProcess) {
      assertThat(written.get("act_hi_taskinst")).isZero();
      assertThat(written.get("act_hi_varinst")).isZero();
      assertThat(written.get("act_hi_identitylink")).isZero();
      assertThat(written.get("act_hi_actinst")).isZero();
    } else {
      assertThat(written.get("act_hi_taskinst")).isPositive();
      assertThat(written.get("act_hi_varinst")).isPositive();
    }
    runtimeService.deleteProcessInstance(path.getId(), "test");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(path.getId()))
        .extracting(query -> query.singleResult().getEndTime())
        .isNotNull();
  }

  private Map<String, Integer> rows(String instance) {
    Map<String, Integer> rows = new LinkedHashMap<>();
    TABLES.forEach(
        (table, column) ->
            rows.put(
                table,
                jdbc.queryForObject(
                    "select count(*) from " + table + " where " + column + " = ?",
                    Integer.class,
                    instance)));
    return rows;
  }

  private static Map<String, Integer> minus(
      Map<String, Integer> after, Map<String, Integer> before) {
    Map<String, Integer> difference = new LinkedHashMap<>();
    for (String table : List.copyOf(after.keySet())) {
      difference.put(table, after.get(table) - before.get(table));
    }
    return difference;
  }
}
