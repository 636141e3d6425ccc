package it.sportello.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.processes.SatisfactionSurveyProcess;
import it.sportello.search.SearchIndex;
import it.sportello.search.SearchNodes;
import it.sportello.search.embedded.EmbeddedSearchNode;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The satisfaction survey at the end of a chat (issue 23 item 3): a chat closed with a solution, or
 * answered by the bot alone, shows the questionnaire in the widget in the chat's language; it is
 * answered once; a low score opens the supervisors' follow-up; the answer counts for channel CHAT
 * and the operator; no mail is sent for it.
 */
class ChatSurveyIT extends IntegrationTest {

  /** This test's own client address (the public chat is rate-limited per address). */
  private final String address = ClientAddresses.next();

  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  @Autowired EmbeddedSearchNode searchNode;
  @Autowired SearchIndex searchIndex;

  @BeforeEach
  void turnTheSurveyOnForChats() throws Exception {
    settings(true);
    // the bot answers from the knowledge base: without the search node it finds nothing and hands
    // off
    SearchNodes.upAndInStep(searchNode, searchIndex);
  }

  @AfterEach
  void turnTheSurveyOff() {
    // other tests close tickets too: they must not get surveys
    settings(false);
  }

  @Test
  void aChatClosedWithASolutionShowsTheSurveyInTheWidgetAnsweredOnceAndALowScoreIsFollowedUp()
      throws Exception {
    clock.pin(ChatIT.OPEN);
    String token = startWithPrivacy("en");
    assertThat(survey(token).path("status").asText())
        .as("no survey while the chat goes on")
        .isEqualTo("NONE");
    assertThat(
            citizen(HttpMethod.POST, "/api/public/chat/operator", token, null)
                .getBody()
                .path("status")
                .asText())
        .isEqualTo("QUEUED");
    long id = idOf(token);
    // chats other tests left with operator1 go on as tickets first (the limit is 3)
    for (JsonNode held : get("/api/chats", "operator1").getBody().path("mine")) {
      post("/api/chats/" + held.path("id").asLong() + "/ticket", "operator1", null);
    }
    assertThat(post("/api/chats/" + id + "/take", "operator1", null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    JsonNode closed =
        post("/api/chats/" + id + "/solve", "operator1", Map.of("solution", "Duplicato inviato."))
            .getBody();
    String number = closed.path("ticketNumber").asText();
    assertThat(number).isNotBlank();

    assertThat(survey(token).path("status").asText())
        .as("the survey process is making the invitation")
        .isEqualTo("PENDING");
    runInvitationJob(number);

    JsonNode shown = survey(token);
    assertThat(shown.path("status").asText()).isEqualTo("SENT");
    assertThat(shown.path("language").asText()).as("the chat's language").isEqualTo("en");
    assertThat(shown.at("/schema/components/0/key").asText()).isEqualTo("score");
    assertThat(
            jdbc.sql(
                    "select count(*) from sportello.notification_outbox o"
                        + " join sportello.survey_invitation i on o.dedup_key = 'survey:' || i.id"
                        + " where i.ticket_number = ?")
                .param(number)
                .query(Integer.class)
                .single())
        .as("shown in the chat, not mailed")
        .isZero();

    ResponseEntity<JsonNode> invalid = answer(token, Map.of("score", "9"));
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(invalid.getBody().get("errors").findValuesAsText("field"))
        .containsExactly("answers.score");
    assertThat(answer(token, Map.of("score", "1", "comment", "Too slow")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<JsonNode> again = answer(token, Map.of("score", "5"));
    assertThat(again.getStatusCode()).as("one answer per chat").isEqualTo(HttpStatus.CONFLICT);
    assertThat(survey(token).path("status").asText()).isEqualTo("ANSWERED");

    // the low score: the supervisors' follow-up task of the survey process
    JsonNode tasks = get("/api/tasks?businessKey=" + number, "supervisor").getBody().get("items");
    assertThat(tasks).hasSize(1);
    assertThat(surveyOf(number)).isNotNull();

    // the results: channel CHAT, the operator who solved it
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Rome"));
    JsonNode results =
        get(
                "/api/surveys/satisfaction/results?from=" + today.minusDays(1) + "&to=" + today,
                "manager1")
            .getBody();
    JsonNode row = null;
    for (JsonNode answer : results.get("answers")) {
      if (answer.get("ticketNumber").asText().equals(number)) {
        row = answer;
      }
    }
    assertThat(row).as("%s", results).isNotNull();
    assertThat(row.get("channel").asText()).isEqualTo("CHAT");
    assertThat(row.get("operator").asText()).isEqualTo("operator1");
    assertThat(row.get("score").asInt()).isEqualTo(1);
    assertThat(results.get("byChannel").findValuesAsText("key")).contains("CHAT");

    // and in the monthly workbook's answers behind the figures
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("supervisor", "demo");
    ResponseEntity<byte[]> xlsx =
        rest.exchange(
            "/api/reports/sla.xlsx?month=" + YearMonth.from(today),
            HttpMethod.GET,
            new HttpEntity<>(headers),
            byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      List<String> tickets = new ArrayList<>();
      for (Row line : workbook.getSheet("Satisfaction answers")) {
        tickets.add(line.getCell(0).getStringCellValue());
      }
      assertThat(tickets).contains(number);
    }
  }

  @Test
  void aChatTheBotAnsweredAloneShowsTheSurveyToo() {
    clock.pin(ChatIT.OPEN);
    String token = startWithPrivacy("it");
    assertThat(say(token, "pagamento tassa rifiuti").getBody().path("awaitingFeedback").asBoolean())
        .isTrue();
    JsonNode closed = say(token, "sì").getBody();
    assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
    String number = closed.path("ticketNumber").asText();

    runInvitationJob(number);
    JsonNode shown = survey(token);
    assertThat(shown.path("status").asText()).isEqualTo("SENT");
    assertThat(shown.path("language").asText()).isEqualTo("it");
    assertThat(answer(token, Map.of("score", "5")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(SatisfactionSurveyProcess.PROCESS_KEY)
                .processInstanceBusinessKey(number)
                .singleResult()
                .getEndActivityId())
        .as("a good score: no follow-up")
        .isEqualTo(SatisfactionSurveyProcess.Elements.ANSWERED);
    assertThat(
            jdbc.sql("select channel from sportello.survey_invitation where ticket_number = ?")
                .param(number)
                .query(String.class)
                .single())
        .isEqualTo("CHATBOT");
  }

  @Test
  void aChatThatGoesOnAsATicketHasNoSurveyInTheWidget() {
    clock.pin(ChatIT.OPEN);
    String token = startWithPrivacy("it");
    citizen(HttpMethod.POST, "/api/public/chat/operator", token, null);
    long id = idOf(token);
    for (JsonNode held : get("/api/chats", "operator1").getBody().path("mine")) {
      post("/api/chats/" + held.path("id").asLong() + "/ticket", "operator1", null);
    }
    post("/api/chats/" + id + "/take", "operator1", null);
    post("/api/chats/" + id + "/ticket", "operator1", null);
    assertThat(survey(token).path("status").asText()).isEqualTo("NONE");
    assertThat(answer(token, Map.of("score", "5")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  // --- helpers ---

  private void runInvitationJob(String number) {
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

  private ProcessInstance surveyOf(String number) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(SatisfactionSurveyProcess.PROCESS_KEY)
        .processInstanceBusinessKey(number)
        .singleResult();
  }

  private void settings(boolean enabled) {
    long csat =
        jdbc.sql("select id from sportello.questionnaire where code = 'csat'")
            .query(Long.class)
            .single();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("enabled", enabled);
    body.put("questionnaireId", csat);
    body.put("channels", List.of("CHAT", "CHATBOT"));
    body.put("scoreKey", "score");
    body.put("lowScoreThreshold", 2);
    body.put("answerWithinDays", 14);
    ResponseEntity<JsonNode> response =
        call(HttpMethod.PUT, "/api/surveys/satisfaction/settings", "supervisor", body);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
  }

  private JsonNode survey(String token) {
    ResponseEntity<JsonNode> response =
        citizen(HttpMethod.GET, "/api/public/chat/survey", token, null);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private ResponseEntity<JsonNode> answer(String token, Map<String, ?> answers) {
    return citizen(HttpMethod.POST, "/api/public/chat/survey", token, Map.of("answers", answers));
  }

  private String startWithPrivacy(String language) {
    ResponseEntity<JsonNode> started =
        call(
            HttpMethod.POST,
            "/api/public/chat/conversations",
            null,
            Map.of("language", language, "page", "/test"),
            Map.of("X-Forwarded-For", address));
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String token = started.getBody().path("token").asText();
    assertThat(
            citizen(HttpMethod.POST, "/api/public/chat/privacy", token, Map.of("accepted", true))
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    return token;
  }

  private ResponseEntity<JsonNode> say(String token, String text) {
    return citizen(HttpMethod.POST, "/api/public/chat/messages", token, Map.of("text", text));
  }

  private ResponseEntity<JsonNode> citizen(
      HttpMethod method, String path, String token, Object body) {
    return call(
        method, path, null, body, Map.of("X-Chat-Token", token, "X-Forwarded-For", address));
  }

  private long idOf(String token) {
    return jdbc.sql("select id from sportello.chat_conversation where token_hash = ?")
        .param(Chats.hash(token))
        .query(Long.class)
        .single();
  }
}
