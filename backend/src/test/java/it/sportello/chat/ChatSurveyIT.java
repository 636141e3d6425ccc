package it.sportello.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.processes.SatisfactionSurveyProcess;
import it.sportello.search.SearchIndex;
import it.sportello.search.SearchNodes;
import it.sportello.search.embedded.EmbeddedSearchNode;
import it.sportello.survey.SatisfactionSurveyTestSupport;
import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The satisfaction survey at the end of a chat (issue 23 item 3): a chat closed with a solution, or
 * answered by the bot alone, shows the questionnaire in the widget in the chat's language; it is
 * answered once; a low score opens the supervisors' follow-up; the answer counts for channel CHAT
 * and the operator; no mail is sent for it.
 */
class ChatSurveyIT extends SatisfactionSurveyTestSupport {

  /** This test's own client address (the public chat is rate-limited per address). */
  private final String address = ClientAddresses.next();

  private final ChatCitizen chat = new ChatCitizen(this::call, address);

  @Autowired EmbeddedSearchNode searchNode;
  @Autowired SearchIndex searchIndex;

  @Override
  protected List<String> surveyChannels() {
    return List.of("CHAT", "CHATBOT");
  }

  @BeforeEach
  void searchNodeUp() throws Exception {
    // the bot answers from the knowledge base: without the search node it finds nothing and hands
    // off
    SearchNodes.upAndInStep(searchNode, searchIndex);
  }

  @Test
  void aChatClosedWithASolutionShowsTheSurveyInTheWidgetAnsweredOnceAndALowScoreIsFollowedUp()
      throws Exception {
    clock.pin(ChatIT.OPEN);
    String token = chat.startWithPrivacy(Map.of("language", "en", "page", "/test"));
    assertThat(survey(token).path("status").asText())
        .as("no survey while the chat goes on")
        .isEqualTo("NONE");
    assertThat(
            chat.call(HttpMethod.POST, "/api/public/chat/operator", token, null)
                .getBody()
                .path("status")
                .asText())
        .isEqualTo("QUEUED");
    long id = ChatCitizen.idOf(jdbc, token);
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
    JsonNode results = results();
    JsonNode row = answerRow(results, number);
    assertThat(row.get("channel").asText()).isEqualTo("CHAT");
    assertThat(row.get("operator").asText()).isEqualTo("operator1");
    assertThat(row.get("score").asInt()).isEqualTo(1);
    assertThat(results.get("byChannel").findValuesAsText("key")).contains("CHAT");

    // and in the monthly workbook's answers behind the figures
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("supervisor", "demo");
    ResponseEntity<byte[]> xlsx =
        rest.exchange(
            "/api/reports/sla.xlsx?month=" + YearMonth.from(today()),
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
    String token = chat.startWithPrivacy(Map.of("language", "it", "page", "/test"));
    assertThat(
            chat.say(token, "pagamento tassa rifiuti")
                .getBody()
                .path("awaitingFeedback")
                .asBoolean())
        .isTrue();
    JsonNode closed = chat.say(token, "sì").getBody();
    assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
    String number = closed.path("ticketNumber").asText();

    runInvitationJob(number);
    JsonNode shown = survey(token);
    assertThat(shown.path("status").asText()).isEqualTo("SENT");
    assertThat(shown.path("language").asText()).isEqualTo("it");
    assertThat(answer(token, Map.of("score", "5")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(ended(number))
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
    String token = chat.startWithPrivacy(Map.of("language", "it", "page", "/test"));
    chat.call(HttpMethod.POST, "/api/public/chat/operator", token, null);
    long id = ChatCitizen.idOf(jdbc, token);
    for (JsonNode held : get("/api/chats", "operator1").getBody().path("mine")) {
      post("/api/chats/" + held.path("id").asLong() + "/ticket", "operator1", null);
    }
    post("/api/chats/" + id + "/take", "operator1", null);
    post("/api/chats/" + id + "/ticket", "operator1", null);
    assertThat(survey(token).path("status").asText()).isEqualTo("NONE");
    assertThat(answer(token, Map.of("score", "5")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  // --- helpers ---

  private JsonNode survey(String token) {
    ResponseEntity<JsonNode> response =
        chat.call(HttpMethod.GET, "/api/public/chat/survey", token, null);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private ResponseEntity<JsonNode> answer(String token, Map<String, ?> answers) {
    return chat.call(HttpMethod.POST, "/api/public/chat/survey", token, Map.of("answers", answers));
  }
}
