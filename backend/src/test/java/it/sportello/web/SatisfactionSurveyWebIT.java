package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.channel.mail.NotificationMailer;
import it.sportello.channel.mail.OutboundMailSender;
import it.sportello.processes.SatisfactionSurveyProcess;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The journey in headless Chromium ({@code frontend/e2e/survey.mjs}): a supervisor creates
 * a CSAT questionnaire with the form editor and switches the survey on; a ticket closes; the
 * requester answers through the link in the mail; the result shows on the activity page.
 */
class SatisfactionSurveyWebIT extends BrowserIT {

  private static final Pattern LINK = Pattern.compile("(/self-service/survey/[A-Za-z0-9_-]{20,})");

  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired NotificationMailer notificationMailer;
  @Autowired OutboundMailSender sender;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void turnTheSurveyOff() {
    long csat =
        jdbc.queryForObject(
            "select id from sportello.questionnaire where code = 'csat'", Long.class);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("enabled", false);
    body.put("questionnaireId", csat);
    body.put("channels", List.of("WEB", "EMAIL"));
    body.put("scoreKey", "score");
    body.put("lowScoreThreshold", 2);
    body.put("answerWithinDays", 14);
    call(HttpMethod.PUT, "/api/surveys/satisfaction/settings", "supervisor", body);
  }

  @Test
  void aSupervisorsQuestionnaireIsAnsweredThroughTheLinkAndShowsOnTheActivityPage()
      throws Exception {
    String code = "csat-" + UUID.randomUUID().toString().substring(0, 6);
    String setup =
        browse(
            "survey.mjs",
            "it",
            Map.of("PHASE", "setup", "SURVEY_CODE", code),
            Duration.ofMinutes(4));
    assertThat(setup).contains("survey setup: questionnaire " + code + " saved");

    String number = closeTicket();
    managementService.executeJob(
        managementService
            .createJobQuery()
            .processInstanceId(
                runtimeService
                    .createProcessInstanceQuery()
                    .processDefinitionKey(SatisfactionSurveyProcess.PROCESS_KEY)
                    .processInstanceBusinessKey(number)
                    .singleResult()
                    .getId())
            .singleResult()
            .getId());
    notificationMailer.queuePending();
    sender.sendDue();
    String body =
        jdbc.queryForObject(
            "select o.body from sportello.outbound_mail o where o.ticket_number = ?"
                + " and o.body like '%/self-service/survey/%'",
            String.class, number);
    Matcher link = LINK.matcher(body);
    assertThat(link.find()).as("a link in %s", body).isTrue();

    String answer =
        browse(
            "survey.mjs",
            "it",
            Map.of("PHASE", "answer", "SURVEY_LINK", link.group(1), "SURVEY_TICKET", number),
            Duration.ofMinutes(4));
    assertThat(answer).contains("survey answer: the answer of " + number + " shows");
    assertThat(
            jdbc.queryForMap(
                "select i.status, i.score, q.code from sportello.survey_invitation i"
                    + " join sportello.questionnaire q on q.id = i.questionnaire_id"
                    + " where i.ticket_number = ?",
                number))
        .containsEntry("status", "ANSWERED")
        .containsEntry("score", 4)
        .containsEntry("code", code);
  }

  private String closeTicket() {
    Map<String, Object> request = ticketRequest(fiscalCode(), "Orari dell'anagrafe");
    request.put(
        "requester",
        Map.of(
            "fiscalCode",
            fiscalCode(),
            "name",
            "Luca Neri",
            "email",
            "web." + UUID.randomUUID().toString().substring(0, 8) + "@example.it"));
    ResponseEntity<JsonNode> opened = post("/api/tickets", "api-client", request);
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = opened.getBody().get("number").asText();
    String taskId =
        get("/api/tasks?businessKey=" + number, "operator1")
            .getBody()
            .get("items")
            .get(0)
            .get("id")
            .asText();
    post("/api/tasks/" + taskId + "/claim", "operator1", null);
    assertThat(
            post(
                    "/api/tasks/" + taskId + "/complete",
                    "operator1",
                    Map.of("decision", "SOLVE", "answer", "L'anagrafe apre alle 8:30."))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    return number;
  }
}
