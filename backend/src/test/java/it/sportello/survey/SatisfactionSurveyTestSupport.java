package it.sportello.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.processes.SatisfactionSurveyProcess;
import it.sportello.sla.SlaService;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the satisfaction survey's wiring tests share: the survey on for their channels while each
 * test runs (off after it: other tests close tickets too and must not get surveys), a ticket solved
 * at level 1, the survey process of a ticket and its invitation job, and the results.
 */
public abstract class SatisfactionSurveyTestSupport extends IntegrationTest {

  @Autowired protected JdbcClient jdbc;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected ManagementService managementService;
  @Autowired protected HistoryService historyService;
  @Autowired SlaService sla;

  /** The channels whose closed tickets get a survey in these tests. */
  protected abstract List<String> surveyChannels();

  @BeforeEach
  void turnTheSurveyOn() {
    settings(true);
  }

  @AfterEach
  void turnTheSurveyOff() {
    settings(false);
  }

  private void settings(boolean enabled) {
    long csat =
        jdbc.sql("select id from sportello.questionnaire where code = 'csat'")
            .query(Long.class)
            .single();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("enabled", enabled);
    body.put("questionnaireId", csat);
    body.put("channels", surveyChannels());
    body.put("scoreKey", "score");
    body.put("lowScoreThreshold", 2);
    body.put("answerWithinDays", 14);
    ResponseEntity<JsonNode> response =
        call(HttpMethod.PUT, "/api/surveys/satisfaction/settings", "supervisor", body);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
  }

  /** Opens the ticket {@code request} and operator1 solves it at level 1 with {@code answer}. */
  protected String solveAtLevel1(Map<String, Object> request, String answer) {
    ResponseEntity<JsonNode> opened = post("/api/tickets", "api-client", request);
    assertThat(opened.getStatusCode()).as("%s", opened.getBody()).isEqualTo(HttpStatus.CREATED);
    String number = opened.getBody().get("number").asText();
    JsonNode items = get("/api/tasks?businessKey=" + number, "operator1").getBody().get("items");
    String taskId = items.get(0).get("id").asText();
    assertThat(post("/api/tasks/" + taskId + "/claim", "operator1", null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(
            post(
                    "/api/tasks/" + taskId + "/complete",
                    "operator1",
                    Map.of("decision", "SOLVE", "answer", answer))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    return number;
  }

  /** The running survey process of the ticket, or null. */
  protected ProcessInstance surveyOf(String number) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(SatisfactionSurveyProcess.PROCESS_KEY)
        .processInstanceBusinessKey(number)
        .singleResult();
  }

  /** Runs the job that sends the ticket's invitation; the test fails without a survey. */
  protected void runInvitationJob(String number) {
    ProcessInstance survey = surveyOf(number);
    assertThat(survey).as("the satisfaction survey started for %s", number).isNotNull();
    managementService.executeJob(
        managementService
            .createJobQuery()
            .processInstanceId(survey.getId())
            .activityId(SatisfactionSurveyProcess.Elements.SEND_INVITATION)
            .singleResult()
            .getId());
  }

  /** The end event of the ticket's finished survey process. */
  protected String ended(String number) {
    return historyService
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(SatisfactionSurveyProcess.PROCESS_KEY)
        .processInstanceBusinessKey(number)
        .singleResult()
        .getEndActivityId();
  }

  /** Today in the service calendar's zone. */
  protected LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), sla.calendar().zone());
  }

  /** The survey's results of yesterday and today, as manager1 reads them. */
  protected JsonNode results() {
    ResponseEntity<JsonNode> response =
        get(
            "/api/surveys/satisfaction/results?from=" + today().minusDays(1) + "&to=" + today(),
            "manager1");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  /** The results' answer of the ticket; the test fails without one. */
  protected static JsonNode answerRow(JsonNode results, String number) {
    for (JsonNode row : results.get("answers")) {
      if (row.get("ticketNumber").asText().equals(number)) {
        return row;
      }
    }
    throw new AssertionError("no answer of " + number + " in " + results);
  }
}
