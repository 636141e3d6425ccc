package it.sportello.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.processes.SatisfactionSurveyProcess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The satisfaction survey after a call (issue 23 item 3): a phone ticket solved on the call closes
 * and its requester gets the link by e-mail, or by SMS when they left only a mobile number; one who
 * opted out gets nothing.
 */
class CallSurveyIT extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @BeforeEach
  void turnTheSurveyOnForCalls() {
    settings(true);
  }

  @AfterEach
  void turnTheSurveyOff() {
    settings(false);
  }

  @Test
  void aCallerWithOnlyAMobileNumberGetsTheLinkBySms() {
    String mobile = "+39333" + (1000000 + (int) (Math.random() * 8999999));
    String number =
        solvedCall(Map.of("fiscalCode", fiscalCode(), "name", "Gino Neri", "phone", mobile));
    runInvitationJob(number);

    Map<String, Object> sent = outbox(number);
    assertThat(sent)
        .containsEntry("channel", "SMS")
        .containsEntry("recipient", mobile)
        .containsEntry("template", SatisfactionSurveys.TEMPLATE);
    assertThat(
            jdbc.sql("select status from sportello.survey_invitation where ticket_number = ?")
                .param(number)
                .query(String.class)
                .single())
        .isEqualTo("SENT");
  }

  @Test
  void aCallerWithAnAddressGetsTheLinkByMail() {
    String email = "call." + UUID.randomUUID().toString().substring(0, 8) + "@example.it";
    String number =
        solvedCall(
            Map.of(
                "fiscalCode",
                fiscalCode(),
                "name",
                "Gina Neri",
                "email",
                email,
                "phone",
                "+393331234567"));
    runInvitationJob(number);
    assertThat(outbox(number)).containsEntry("channel", "EMAIL").containsEntry("recipient", email);
  }

  // --- helpers ---

  /** A phone ticket for the requester, solved by operator1 on the call. */
  private String solvedCall(Map<String, String> requester) {
    Map<String, Object> request = ticketRequest(fiscalCode(), "Informazioni al telefono");
    request.put("channel", "PHONE");
    request.put("requester", requester);
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
                    Map.of("decision", "SOLVE", "answer", "Risposto durante la chiamata."))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    return number;
  }

  private Map<String, Object> outbox(String number) {
    return jdbc.sql(
            "select o.channel, o.recipient, o.template from sportello.notification_outbox o"
                + " join sportello.survey_invitation i on o.dedup_key = 'survey:' || i.id"
                + " where i.ticket_number = ?")
        .param(number)
        .query()
        .singleRow();
  }

  private void runInvitationJob(String number) {
    ProcessInstance survey =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(SatisfactionSurveyProcess.PROCESS_KEY)
            .processInstanceBusinessKey(number)
            .singleResult();
    assertThat(survey).as("the satisfaction survey started for %s", number).isNotNull();
    managementService.executeJob(
        managementService
            .createJobQuery()
            .processInstanceId(survey.getId())
            .activityId(SatisfactionSurveyProcess.Elements.SEND_INVITATION)
            .singleResult()
            .getId());
  }

  private void settings(boolean enabled) {
    long csat =
        jdbc.sql("select id from sportello.questionnaire where code = 'csat'")
            .query(Long.class)
            .single();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("enabled", enabled);
    body.put("questionnaireId", csat);
    body.put("channels", List.of("PHONE"));
    body.put("scoreKey", "score");
    body.put("lowScoreThreshold", 2);
    body.put("answerWithinDays", 14);
    ResponseEntity<JsonNode> response =
        call(HttpMethod.PUT, "/api/surveys/satisfaction/settings", "supervisor", body);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
  }
}
