package it.sportello.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.channel.mail.EmbeddedMailServer;
import it.sportello.channel.mail.NotificationMailer;
import it.sportello.channel.mail.OutboundMailSender;
import it.sportello.processes.SatisfactionSurveyProcess;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The satisfaction survey end to end through the embedded mail server: a ticket closes, the
 * requester gets the link by mail, answers through the public API once, the results count it; a low
 * score opens the supervisors' follow-up; an unsubscribed address gets no further survey.
 */
class SatisfactionSurveyIT extends SatisfactionSurveyTestSupport {

  private static final Pattern LINK = Pattern.compile("/self-service/survey/([A-Za-z0-9_-]{20,})");

  @Autowired NotificationMailer notificationMailer;
  @Autowired OutboundMailSender sender;
  @Autowired EmbeddedMailServer server;
  @Autowired JdbcTemplate jdbcTemplate;

  @Override
  protected List<String> surveyChannels() {
    return List.of("WEB", "EMAIL");
  }

  @Test
  void aClosedTicketInvitesTheRequesterWhoAnswersOnceAndTheResultsCountIt() throws Exception {
    String requester = address();
    String number = closeTicket(requester, "Orari della biblioteca");

    String token = invitationToken(number, requester);

    ResponseEntity<JsonNode> page = get("/api/public/surveys/" + token + "?lang=en", null);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody().get("status").asText()).isEqualTo("SENT");
    assertThat(page.getBody().get("language").asText()).isEqualTo("en");
    assertThat(page.getBody().at("/schema/components/0/key").asText()).isEqualTo("score");

    ResponseEntity<JsonNode> answered =
        post(
            "/api/public/surveys/" + token + "/answers",
            null,
            Map.of("answers", Map.of("score", "5", "comment", "Risposta chiara e veloce")));
    assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    ResponseEntity<JsonNode> again =
        post(
            "/api/public/surveys/" + token + "/answers",
            null,
            Map.of("answers", Map.of("score", "1")));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody().get("status").asInt()).isEqualTo(409);

    assertThat(surveyOf(number)).isNull();
    assertThat(ended(number)).isEqualTo(SatisfactionSurveyProcess.Elements.ANSWERED);

    JsonNode results = results();
    JsonNode row = answerRow(results, number);
    assertThat(row.get("score").asInt()).isEqualTo(5);
    assertThat(row.at("/answers/comment/0").asText()).isEqualTo("Risposta chiara e veloce");
    assertThat(row.get("operator").asText()).isEqualTo("operator1");
    assertThat(row.get("channel").asText()).isEqualTo("WEB");
    assertThat(results.at("/total/answered").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(results.get("byOperator").findValuesAsText("key")).contains("operator1");
    assertThat(
            jdbcTemplate.queryForObject(
                "select count(*) from sportello.survey_answer a join sportello.survey_invitation i"
                    + " on i.id = a.invitation_id where i.ticket_number = ?",
                Long.class,
                number))
        .as("one row per answered question, counted once")
        .isEqualTo(2L);

    // the SLA workbook carries the month's satisfaction and the answers behind it
    YearMonth month = YearMonth.from(today());
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("supervisor", "demo");
    ResponseEntity<byte[]> xlsx =
        rest.exchange(
            "/api/reports/sla.xlsx?month=" + month,
            HttpMethod.GET,
            new HttpEntity<>(headers),
            byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      assertThat(workbook.getSheet("Satisfaction")).isNotNull();
      Sheet sheet = workbook.getSheet("Satisfaction answers");
      List<String> tickets = new ArrayList<>();
      for (Row line : sheet) {
        tickets.add(line.getCell(0).getStringCellValue());
      }
      assertThat(tickets).contains(number);
    }
  }

  @Test
  void aLowScoreOpensAFollowUpTaskForTheSupervisors() throws Exception {
    String requester = address();
    String number = closeTicket(requester, "Rimborso TARI");
    String token = invitationToken(number, requester);

    ResponseEntity<JsonNode> invalid =
        post(
            "/api/public/surveys/" + token + "/answers",
            null,
            Map.of("answers", Map.of("score", "9")));
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(invalid.getBody().get("errors").findValuesAsText("field"))
        .containsExactly("answers.score");

    assertThat(
            post(
                    "/api/public/surveys/" + token + "/answers",
                    null,
                    Map.of(
                        "answers", Map.of("score", "1", "problems", List.of("time", "unsolved"))))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode tasks = get("/api/tasks?businessKey=" + number, "supervisor").getBody().get("items");
    assertThat(tasks).hasSize(1);
    String taskId = tasks.get(0).get("id").asText();
    assertThat(post("/api/tasks/" + taskId + "/claim", "supervisor", null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> done =
        post(
            "/api/tasks/" + taskId + "/complete",
            "supervisor",
            Map.of("followUpOutcome", "CONTACTED", "note", "Richiamata, rimborso avviato"));
    assertThat(done.getStatusCode()).as("%s", done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

    Map<String, Object> invitation =
        jdbcTemplate.queryForMap(
            "select * from sportello.survey_invitation where ticket_number = ?", number);
    assertThat(invitation)
        .containsEntry("score", 1)
        .containsEntry("low_score", true)
        .containsEntry("follow_up_outcome", "CONTACTED")
        .containsEntry("follow_up_note", "Richiamata, rimborso avviato")
        .containsEntry("followed_up_by", "supervisor");
    assertThat(ended(number)).isEqualTo(SatisfactionSurveyProcess.Elements.FOLLOWED_UP);
    assertThat(answerRow(results(), number).at("/answers/problems").size()).isEqualTo(2);
  }

  @Test
  void anUnsubscribedRequesterGetsNoFurtherSurvey() throws Exception {
    String requester = address();
    String first = closeTicket(requester, "Certificato di residenza");
    String token = invitationToken(first, requester);

    assertThat(post("/api/public/surveys/" + token + "/unsubscribe", null, null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    String second = closeTicket(requester.toUpperCase(), "Carta d'identità");
    managementService.executeJob(sendJob(second).getId());
    notificationMailer.queuePending();
    sender.sendDue();

    assertThat(ended(second)).isEqualTo(SatisfactionSurveyProcess.Elements.NOT_INVITED);
    assertThat(
            jdbcTemplate.queryForObject(
                "select status from sportello.survey_invitation where ticket_number = ?",
                String.class,
                second))
        .isEqualTo("OPTED_OUT");
    assertThat(surveyMails(requester)).as("only the first ticket's survey").hasSize(1);
    assertThat(
            jdbcTemplate.queryForObject(
                "select source from sportello.do_not_contact d join sportello.survey_invitation i"
                    + " on i.id = d.invitation_id where i.ticket_number = ?",
                String.class,
                first))
        .isEqualTo("UNSUBSCRIBE_LINK");
  }

  @Test
  void withoutAnAnswerTheLinkClosesWhenThePeriodEnds() throws Exception {
    String requester = address();
    String number = closeTicket(requester, "Iscrizione mensa");
    String token = invitationToken(number, requester);

    Job timer =
        managementService
            .createJobQuery()
            .processInstanceId(surveyOf(number).getId())
            .activityId(SatisfactionSurveyProcess.Elements.ANSWER_PERIOD_OVER)
            .singleResult();
    managementService.executeJob(timer.getId());

    assertThat(ended(number)).isEqualTo(SatisfactionSurveyProcess.Elements.UNANSWERED);
    assertThat(get("/api/public/surveys/" + token, null).getBody().get("status").asText())
        .isEqualTo("EXPIRED");
    assertThat(
            post(
                    "/api/public/surveys/" + token + "/answers",
                    null,
                    Map.of("answers", Map.of("score", "4")))
                .getStatusCode())
        .isEqualTo(HttpStatus.GONE);
  }

  // ---------------------------------------------------------------------------------------------

  private static String address() {
    return "csat." + UUID.randomUUID().toString().substring(0, 8) + "@example.it";
  }

  /** Opens a web ticket for the address, and operator1 solves it at level 1. */
  private String closeTicket(String email, String subject) {
    Map<String, Object> request = ticketRequest(fiscalCode(), subject);
    request.put(
        "requester", Map.of("fiscalCode", fiscalCode(), "name", "Anna Verdi", "email", email));
    String number = solveAtLevel1(request, "La risposta alla sua domanda.");
    assertThat(surveyOf(number)).as("the satisfaction survey started for %s", number).isNotNull();
    return number;
  }

  /** Runs the invitation's job, sends the mail and reads the token from the mail's link. */
  private String invitationToken(String number, String requester) throws Exception {
    managementService.executeJob(sendJob(number).getId());
    notificationMailer.queuePending();
    sender.sendDue();
    List<String> bodies = surveyMails(requester);
    assertThat(bodies).hasSize(1);
    assertThat(bodies.get(0)).contains(number).contains("unsubscribe=1");
    Matcher link = LINK.matcher(bodies.get(0));
    assertThat(link.find()).as("a personal link in %s", bodies.get(0)).isTrue();
    return link.group(1);
  }

  private Job sendJob(String number) {
    return managementService
        .createJobQuery()
        .processInstanceId(surveyOf(number).getId())
        .activityId(SatisfactionSurveyProcess.Elements.SEND_INVITATION)
        .singleResult();
  }

  /** The plain texts of the survey mails in the address's mailbox on the embedded server. */
  private List<String> surveyMails(String address) throws Exception {
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect(server.host(), server.imapPort(), address, address);
    try {
      Folder folder = store.getFolder("INBOX");
      folder.open(Folder.READ_ONLY);
      List<String> texts = new ArrayList<>();
      for (Message message : folder.getMessages()) {
        String text = plainText(message);
        if (text != null && text.contains("/self-service/survey/")) {
          texts.add(text);
        }
      }
      folder.close(false);
      return texts;
    } finally {
      store.close();
    }
  }

  private static String plainText(Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return String.valueOf(part.getContent());
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = plainText(multipart.getBodyPart(i));
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }
}
