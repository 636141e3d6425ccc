package it.sportello.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.channel.mail.EmbeddedMailServer;
import it.sportello.channel.mail.MailOutbox;
import it.sportello.channel.mail.Mailbox;
import it.sportello.channel.mail.MailboxPoller;
import it.sportello.channel.mail.Mailboxes;
import it.sportello.channel.mail.OutboundMailSender;
import it.sportello.processes.CampaignProcess;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Campaigns end to end through the embedded mail server: a CAWI campaign of 1,000 recipients
 * imported from a CSV file, sent in waves at the mailbox's rate (the service mail first), every
 * mail once; three bounces (DSNs) matched back to their recipients; answers through the personal
 * links counted once; reminders only to who neither answered nor bounced; a stop closes it. And an
 * unsubscribe honoured by a running campaign; a CATI call completed from the inbox.
 */
class CampaignIT extends IntegrationTest {

  private static final Pattern LINK = Pattern.compile("/self-service/survey/([A-Za-z0-9_-]{20,})");

  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired OutboundMailSender sender;
  @Autowired MailOutbox outbox;
  @Autowired EmbeddedMailServer server;
  @Autowired MailboxPoller poller;
  @Autowired Mailboxes mailboxes;
  @Autowired DoNotContact doNotContact;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aThousandRecipientCampaignSendsEveryMailOnceMatchesBouncesAndCountsAnswersOnce()
      throws Exception {
    String prefix = "cawi" + UUID.randomUUID().toString().substring(0, 8);
    long id = campaign("CAWI", 600, 3);

    // a bad file is refused whole, naming the row and the field
    ResponseEntity<JsonNode> bad =
        upload(
            "/api/surveys/campaigns/" + id + "/recipients",
            "supervisor",
            Map.of(),
            "bad.csv",
            ("email;name\n" + prefix + "-a@example.org;A\nnot-an-address;B\n")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().get("errors").findValuesAsText("field"))
        .containsExactly("rows[3].email");
    assertThat(recipients(id)).isZero();

    StringBuilder csv = new StringBuilder("email,name,language\n");
    for (int i = 0; i < 1000; i++) {
      csv.append(prefix).append('-').append(i).append("@example.org,Persona ").append(i);
      csv.append(',').append(i % 4 == 0 ? "en" : "it").append('\n');
    }
    ResponseEntity<JsonNode> imported =
        upload(
            "/api/surveys/campaigns/" + id + "/recipients",
            "supervisor",
            Map.of(),
            "target.csv",
            csv.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(imported.getBody().get("added").asInt()).isEqualTo(1000);

    assertThat(post("/api/surveys/campaigns/" + id + "/start", "supervisor", null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ProcessInstance process = processOf(id);
    run(process, CampaignProcess.Elements.PREPARE_TARGET_LIST);
    // the rate is the mailbox's: campaign mail queued in the last minute (other tests) counts
    int alreadyQueued =
        jdbc.queryForObject(
            "select count(*) from sportello.outbound_mail where priority > 0 and created_at > ?",
            Integer.class,
            java.sql.Timestamp.from(clock.instant().minusSeconds(60)));
    run(process, CampaignProcess.Elements.SEND_WAVE);

    assertThat(count(id, "SENT"))
        .as("the first wave: the mailbox's rate per minute")
        .isEqualTo(600 - alreadyQueued);
    assertThat(count(id, "QUEUED")).isEqualTo(400 + alreadyQueued);

    // the service mail queued after the campaign's leaves first
    String serviceRecipient = prefix + "-service@example.org";
    outbox.queue(
        new MailOutbox.Letter(
            null, false, serviceRecipient, "Servizio", "Un messaggio di servizio", "TEST", null));
    sender.sendDue();
    assertThat(
            jdbc.queryForObject(
                "select status from sportello.outbound_mail where recipient = ?",
                String.class,
                serviceRecipient))
        .isEqualTo("SENT");

    // the next wave, a minute later
    clock.pin(clock.instant().plus(Duration.ofSeconds(61)));
    run(process, CampaignProcess.Elements.NEXT_WAVE_DUE);
    run(process, CampaignProcess.Elements.SEND_WAVE);
    assertThat(count(id, "SENT")).isEqualTo(1000);
    sendAll();

    Map<String, Integer> received = received(prefix);
    assertThat(received).as("every recipient got one mail").hasSize(1001);
    assertThat(received.values()).containsOnly(1);

    // three bounces matched back to their recipients through the returned Message-ID
    List<String> bouncedIds =
        jdbc.queryForList(
            "select message_id from sportello.campaign_recipient where campaign_id = ? order by id"
                + " limit 3",
            String.class,
            id);
    Mailbox mailbox = mailboxes.defaultMailbox().orElseThrow();
    for (String messageId : bouncedIds) {
      deliver(dsn(mailbox.address(), messageId), mailbox.address());
    }
    poller.poll(mailbox);
    assertThat(count(id, "BOUNCED")).isEqualTo(3);
    assertThat(
            jdbc.queryForList(
                "select message_id from sportello.campaign_recipient where campaign_id = ? and"
                    + " status = 'BOUNCED'",
                String.class,
                id))
        .containsExactlyInAnyOrderElementsOf(bouncedIds);

    // answers through the links, counted once
    String first = token(prefix + "-10@example.org");
    String second = token(prefix + "-11@example.org");
    assertThat(answer(first, "5").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(answer(second, "2").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(answer(first, "1").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    JsonNode progress = get("/api/surveys/campaigns/" + id + "/progress", "manager1").getBody();
    assertThat(progress.get("answered").asInt()).isEqualTo(2);
    assertThat(progress.at("/outcomes/ANSWERED").asInt()).isEqualTo(2);
    assertThat(progress.at("/outcomes/BOUNCED").asInt()).isEqualTo(3);
    assertThat(progress.at("/outcomes/SENT").asInt()).isEqualTo(995);
    assertThat(progress.get("contacted").asInt()).isEqualTo(1000);
    assertThat(progress.get("days").get(0).get("contacted").asInt()).isEqualTo(1000);

    JsonNode results = get("/api/surveys/campaigns/" + id + "/results", "auditor").getBody();
    JsonNode score = results.get(0);
    assertThat(score.get("key").asText()).isEqualTo("score");
    assertThat(score.get("answers").asInt()).isEqualTo(2);
    assertThat(score.get("options").findValuesAsText("value"))
        .containsExactly("1", "2", "3", "4", "5");
    assertThat(score.get("options").get(4).get("count").asInt()).isEqualTo(1);
    assertThat(score.get("options").get(1).get("count").asInt()).isEqualTo(1);

    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("manager1", "demo");
    ResponseEntity<byte[]> xlsx =
        rest.exchange(
            "/api/surveys/campaigns/" + id + "/campaign.xlsx",
            HttpMethod.GET,
            new HttpEntity<>(headers),
            byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      var answers = workbook.getSheet("Answers");
      assertThat(answers.getLastRowNum()).as("a row per answer").isEqualTo(2);
      assertThat(answers.getRow(0).getCell(4).getStringCellValue()).isEqualTo("score");
    }

    // three days later: reminders, not to who answered or bounced
    clock.pin(clock.instant().plus(Duration.ofDays(3).plusMinutes(1)));
    run(process, CampaignProcess.Elements.NEXT_WAVE_DUE);
    run(process, CampaignProcess.Elements.SEND_WAVE);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.campaign_recipient where campaign_id = ? and"
                    + " reminded_at is not null and status <> 'SENT'",
                Integer.class,
                id))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.campaign_recipient where campaign_id = ? and"
                    + " reminded_at is not null",
                Integer.class,
                id))
        .isEqualTo(600);

    // stopped mid-way: closed, the links stop working
    assertThat(post("/api/surveys/campaigns/" + id + "/stop", "manager1", null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    run(process, CampaignProcess.Elements.CLOSE_CAMPAIGN);
    assertThat(processOf(id)).isNull();
    assertThat(get("/api/surveys/campaigns/" + id, "supervisor").getBody().get("status").asText())
        .isEqualTo("STOPPED");
    assertThat(answer(token(prefix + "-12@example.org"), "4").getStatusCode())
        .isEqualTo(HttpStatus.GONE);
  }

  @Test
  void anUnsubscribeIsHonouredByARunningCampaign() throws Exception {
    String prefix = "optout" + UUID.randomUUID().toString().substring(0, 8);
    long id = campaign("CAWI", 2, null);
    StringBuilder csv = new StringBuilder("email\n");
    for (int i = 0; i < 5; i++) {
      csv.append(prefix).append('-').append(i).append("@example.org\n");
    }
    upload(
        "/api/surveys/campaigns/" + id + "/recipients",
        "supervisor",
        Map.of(),
        "t.csv",
        csv.toString().getBytes(StandardCharsets.UTF_8));
    post("/api/surveys/campaigns/" + id + "/start", "supervisor", null);
    ProcessInstance process = processOf(id);
    run(process, CampaignProcess.Elements.PREPARE_TARGET_LIST);
    run(process, CampaignProcess.Elements.SEND_WAVE);
    sendAll();

    // one who got the mail unsubscribes through its link; one not yet contacted opts out
    assertThat(
            post(
                    "/api/public/surveys/" + token(prefix + "-0@example.org") + "/unsubscribe",
                    null,
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(doNotContact.optedOut(prefix + "-0@example.org", null)).isTrue();
    doNotContact.optOut(prefix + "-3@example.org", null, DoNotContact.Source.OPERATOR, null);

    clock.pin(clock.instant().plus(Duration.ofSeconds(61)));
    run(process, CampaignProcess.Elements.NEXT_WAVE_DUE);
    run(process, CampaignProcess.Elements.SEND_WAVE);
    sendAll();

    assertThat(
            jdbc.queryForObject(
                "select status from sportello.campaign_recipient where email = ?",
                String.class,
                prefix + "-3@example.org"))
        .isEqualTo("OPTED_OUT");
    Map<String, Integer> received = received(prefix);
    assertThat(received.keySet())
        .containsExactlyInAnyOrder(
            prefix + "-0@example.org",
            prefix + "-1@example.org",
            prefix + "-2@example.org",
            prefix + "-4@example.org");
    post("/api/surveys/campaigns/" + id + "/stop", "supervisor", null);
    run(process, CampaignProcess.Elements.CLOSE_CAMPAIGN);
  }

  @Test
  void aCatiCallRefusedInTheInboxRecordsTheOutcome() throws Exception {
    long id = campaign("CATI", 10, null);
    ResponseEntity<JsonNode> imported =
        upload(
            "/api/surveys/campaigns/" + id + "/recipients",
            "supervisor",
            Map.of(),
            "calls.csv",
            "phone,name\n+39 06 1234567,Mario Neri\n".getBytes(StandardCharsets.UTF_8));
    assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.OK);
    post("/api/surveys/campaigns/" + id + "/start", "supervisor", null);
    ProcessInstance process = processOf(id);
    run(process, CampaignProcess.Elements.PREPARE_TARGET_LIST);
    run(process, CampaignProcess.Elements.SEND_WAVE);

    long recipient =
        jdbc.queryForObject(
            "select id from sportello.campaign_recipient where campaign_id = ?", Long.class, id);
    assertThat(count(id, "CALLING")).isEqualTo(1);
    JsonNode tasks = get("/api/tasks?businessKey=" + recipient, "operator1").getBody().get("items");
    String taskId = null;
    for (JsonNode task : tasks) {
      if (CampaignProcess.Elements.CALL_RECIPIENT.equals(task.path("taskKey").asText())) {
        taskId = task.get("id").asText();
      }
    }
    assertThat(taskId).as("a call task in the operators' inbox: %s", tasks).isNotNull();
    assertThat(post("/api/tasks/" + taskId + "/claim", "operator1", null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> done =
        post(
            "/api/tasks/" + taskId + "/complete",
            "operator1",
            Map.of("callOutcome", "REFUSED", "note", "Non interessato"));
    assertThat(done.getStatusCode()).as("%s", done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(count(id, "REFUSED")).isEqualTo(1);
    post("/api/surveys/campaigns/" + id + "/stop", "supervisor", null);
    run(process, CampaignProcess.Elements.CLOSE_CAMPAIGN);
  }

  @Test
  void aWebCampaignsPublicLinkTakesAnswersWhileItRuns() {
    long id = campaign("WEB", 100, null);
    String link =
        get("/api/surveys/campaigns/" + id, "supervisor").getBody().get("webLink").asText();
    assertThat(link).contains("/self-service/campaign/");
    String token = link.substring(link.lastIndexOf('/') + 1);
    assertThat(get("/api/public/campaigns/" + token, null).getBody().get("status").asText())
        .isEqualTo("EXPIRED");

    post("/api/surveys/campaigns/" + id + "/start", "supervisor", null);
    ProcessInstance process = processOf(id);
    run(process, CampaignProcess.Elements.PREPARE_TARGET_LIST);
    run(process, CampaignProcess.Elements.SEND_WAVE);
    JsonNode page = get("/api/public/campaigns/" + token + "?lang=en", null).getBody();
    assertThat(page.get("status").asText()).isEqualTo("SENT");
    assertThat(page.at("/schema/components/0/key").asText()).isEqualTo("score");

    ResponseEntity<JsonNode> invalid =
        post(
            "/api/public/campaigns/" + token + "/answers",
            null,
            Map.of("answers", Map.of("score", "9")));
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(
            post(
                    "/api/public/campaigns/" + token + "/answers?lang=en",
                    null,
                    Map.of("answers", Map.of("score", "4")))
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    JsonNode progress = get("/api/surveys/campaigns/" + id + "/progress", "supervisor").getBody();
    assertThat(progress.get("answered").asInt()).as("the invalid answer left nothing").isEqualTo(1);

    post("/api/surveys/campaigns/" + id + "/stop", "supervisor", null);
    run(process, CampaignProcess.Elements.CLOSE_CAMPAIGN);
    assertThat(
            post(
                    "/api/public/campaigns/" + token + "/answers",
                    null,
                    Map.of("answers", Map.of("score", "4")))
                .getStatusCode())
        .isEqualTo(HttpStatus.GONE);
  }

  @Test
  void aWebCampaignWithTokensTakesOneAnswerPerToken() throws Exception {
    long id = campaign("WEB", 100, null, "TOKENS");
    JsonNode created = get("/api/surveys/campaigns/" + id, "supervisor").getBody();
    assertThat(created.get("webAccess").asText()).isEqualTo("TOKENS");
    assertThat(created.hasNonNull("webLink")).as("no open link").isFalse();
    String prefix = "token" + UUID.randomUUID().toString().substring(0, 8);
    upload(
        "/api/surveys/campaigns/" + id + "/recipients",
        "supervisor",
        Map.of(),
        "t.csv",
        ("name,email\nAnna Rossi,"
                + prefix
                + "-a@example.org\nBruno Bianchi,"
                + prefix
                + "-b@example.org\n")
            .getBytes(StandardCharsets.UTF_8));

    ResponseEntity<JsonNode> none =
        post("/api/surveys/campaigns/" + id + "/web-tokens", "supervisor", Map.of("count", 0));
    assertThat(none.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(none.getBody().toString()).contains("count");
    JsonNode issued =
        post(
                "/api/surveys/campaigns/" + id + "/web-tokens",
                "supervisor",
                Map.of("count", 3, "forRecipients", true))
            .getBody();
    assertThat(issued.get("anonymous").asInt()).isEqualTo(3);
    assertThat(issued.get("forRecipients").asInt()).isEqualTo(2);
    assertThat(issued.get("total").asInt()).isEqualTo(5);
    // asked again, the recipients who have a token get no second one
    assertThat(
            post(
                    "/api/surveys/campaigns/" + id + "/web-tokens",
                    "supervisor",
                    Map.of("forRecipients", true))
                .getBody()
                .get("forRecipients")
                .asInt())
        .isZero();

    // the office's list, as CSV and as a workbook; the operators may not download it
    ResponseEntity<String> csv =
        rest.withBasicAuth("supervisor", "demo")
            .getForEntity("/api/surveys/campaigns/" + id + "/web-tokens.csv", String.class);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> lines = csv.getBody().lines().toList();
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).isEqualTo("token,link,name,email,phone,language,answeredAt");
    List<String> tokens =
        lines.stream().skip(1).map(line -> line.substring(0, line.indexOf(','))).toList();
    assertThat(tokens).doesNotHaveDuplicates().allMatch(t -> t.length() >= 40);
    String forAnna =
        lines.stream()
            .filter(line -> line.contains("Anna Rossi"))
            .map(line -> line.substring(0, line.indexOf(',')))
            .findFirst()
            .orElseThrow();
    assertThat(lines.get(1)).contains("/self-service/campaign/" + tokens.get(0));
    byte[] xlsx =
        rest.withBasicAuth("supervisor", "demo")
            .getForObject("/api/surveys/campaigns/" + id + "/web-tokens.xlsx", byte[].class);
    try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(book.getSheet("tokens").getLastRowNum()).isEqualTo(5);
      assertThat(book.getSheet("tokens").getRow(1).getCell(0).getStringCellValue())
          .isEqualTo(tokens.get(0));
    }
    assertThat(
            rest.withBasicAuth("operator1", "demo")
                .getForEntity("/api/surveys/campaigns/" + id + "/web-tokens.csv", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // not before the campaign starts
    String first = tokens.get(0);
    assertThat(get("/api/public/campaigns/" + first, null).getBody().get("status").asText())
        .isEqualTo("EXPIRED");
    assertThat(answerWeb(first, "4").getStatusCode()).isEqualTo(HttpStatus.GONE);

    post("/api/surveys/campaigns/" + id + "/start", "supervisor", null);
    ProcessInstance process = processOf(id);
    run(process, CampaignProcess.Elements.PREPARE_TARGET_LIST);
    run(process, CampaignProcess.Elements.SEND_WAVE);
    assertThat(get("/api/public/campaigns/" + first, null).getBody().get("status").asText())
        .isEqualTo("SENT");
    String unknown = "x" + first.substring(1, 20);
    assertThat(get("/api/public/campaigns/" + unknown, null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(answerWeb(unknown, "4").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<JsonNode> invalid = answerWeb(first, "9");
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(invalid.getBody().toString()).contains("answers.score");
    ResponseEntity<JsonNode> answered = answerWeb(first, "4");
    assertThat(answered.getStatusCode()).as("%s", answered.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(answered.getBody().get("status").asText()).isEqualTo("ANSWERED");
    // a retry with the same answer (say, the connection dropped) gets the same result
    ResponseEntity<JsonNode> retried = answerWeb(first, "4");
    assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(retried.getBody()).isEqualTo(answered.getBody());
    // a different answer with a used token is refused, with problem details
    ResponseEntity<JsonNode> second = answerWeb(first, "2");
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(second.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(get("/api/public/campaigns/" + first, null).getBody().get("status").asText())
        .isEqualTo("ANSWERED");
    assertThat(answerWeb(forAnna, "5").getStatusCode()).isEqualTo(HttpStatus.OK);

    // nothing written twice: one answer row per token, the recipient answered
    assertThat(
            jdbc.queryForList(
                """
                select a.value from sportello.survey_answer a
                join sportello.campaign_web_token w on w.invitation_id = a.invitation_id
                where w.campaign_id = ? and a.question_key = 'score' order by a.value""",
                String.class,
                id))
        .containsExactly("4", "5");
    assertThat(count(id, "ANSWERED")).isEqualTo(1);
    assertThat(count(id, "SENT")).isEqualTo(1);
    JsonNode progress = get("/api/surveys/campaigns/" + id + "/progress", "supervisor").getBody();
    assertThat(progress.get("answered").asInt()).isEqualTo(2);
    assertThat(progress.get("tokens").asInt()).isEqualTo(5);
    assertThat(progress.get("answerRate").asDouble()).isEqualTo(40.0);
    assertThat(
            rest.withBasicAuth("supervisor", "demo")
                .getForObject("/api/surveys/campaigns/" + id + "/web-tokens.csv", String.class)
                .lines()
                .filter(line -> !line.endsWith(","))
                .count())
        .as("the header and the two answered tokens have an answer time")
        .isEqualTo(3);

    post("/api/surveys/campaigns/" + id + "/stop", "supervisor", null);
    run(process, CampaignProcess.Elements.CLOSE_CAMPAIGN);
    assertThat(answerWeb(tokens.get(1), "4").getStatusCode()).isEqualTo(HttpStatus.GONE);
    assertThat(answerWeb(first, "4").getBody()).isEqualTo(answered.getBody());
    assertThat(
            post("/api/surveys/campaigns/" + id + "/web-tokens", "supervisor", Map.of("count", 1))
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void tokensAreForWebCampaignsOnly() {
    ResponseEntity<JsonNode> refused = createCampaign("CAWI", 100, null, "TOKENS");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().toString()).contains("webAccess");
    long open = campaign("WEB", 100, null);
    ResponseEntity<JsonNode> noTokens =
        post("/api/surveys/campaigns/" + open + "/web-tokens", "supervisor", Map.of("count", 2));
    assertThat(noTokens.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noTokens.getBody().toString()).contains("webAccess");
  }

  private ResponseEntity<JsonNode> answerWeb(String token, String score) {
    return post(
        "/api/public/campaigns/" + token + "/answers",
        null,
        Map.of("answers", Map.of("score", score)));
  }

  @Test
  void recipientsChosenInTheContactRegistryByTheirLastContact() {
    String email = "registry." + UUID.randomUUID().toString().substring(0, 8) + "@example.it";
    Map<String, Object> request = ticketRequest(fiscalCode(), "Orari dell'anagrafe");
    request.put(
        "requester", Map.of("fiscalCode", fiscalCode(), "name", "Rita Blu", "email", email));
    ResponseEntity<JsonNode> opened = post("/api/tickets", "api-client", request);
    assertThat(opened.getStatusCode()).as("%s", opened.getBody()).isEqualTo(HttpStatus.CREATED);

    long id = campaign("CAWI", 100, null);
    String today =
        java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/Rome"))
            .toString();
    ResponseEntity<JsonNode> missing =
        post("/api/surveys/campaigns/" + id + "/recipients/from-registry", "supervisor", Map.of());
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(missing.getBody().get("errors").findValuesAsText("field")).contains("from");

    Map<String, Object> audience = Map.of("from", today, "to", today, "channel", "WEB");
    ResponseEntity<JsonNode> added =
        post("/api/surveys/campaigns/" + id + "/recipients/from-registry", "supervisor", audience);
    assertThat(added.getStatusCode()).as("%s", added.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(added.getBody().get("added").asInt()).isPositive();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.campaign_recipient where campaign_id = ? and email = ?",
                Integer.class,
                id,
                email))
        .isEqualTo(1);
    // a second query adds nobody twice
    post("/api/surveys/campaigns/" + id + "/recipients/from-registry", "supervisor", audience);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.campaign_recipient where campaign_id = ? and email = ?",
                Integer.class,
                id,
                email))
        .isEqualTo(1);
  }

  @AfterEach
  void releaseTheClock() {
    clock.release();
  }

  // ---------------------------------------------------------------------------------------------

  private long campaign(String channel, int rate, Integer reminderAfterDays) {
    return campaign(channel, rate, reminderAfterDays, null);
  }

  private long campaign(String channel, int rate, Integer reminderAfterDays, String webAccess) {
    ResponseEntity<JsonNode> created = createCampaign(channel, rate, reminderAfterDays, webAccess);
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody().get("legalBasis").asText()).isEqualTo("PUBLIC_TASK");
    return created.getBody().get("id").asLong();
  }

  private ResponseEntity<JsonNode> createCampaign(
      String channel, int rate, Integer reminderAfterDays, String webAccess) {
    long csat =
        jdbc.queryForObject(
            "select id from sportello.questionnaire where code = 'csat'", Long.class);
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Indagine " + channel);
    body.put("questionnaireId", csat);
    body.put("channel", channel);
    body.put("legalBasis", "PUBLIC_TASK");
    body.put("legalBasisNote", "Carta dei servizi");
    body.put(
        "endsOn",
        java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/Rome"))
            .plusDays(30)
            .toString());
    body.put("ratePerMinute", rate);
    body.put("maxAttempts", 2);
    body.put("reminderAfterDays", reminderAfterDays);
    body.put("script", "Buongiorno, sono dello Sportello del Comune.");
    body.put("webAccess", webAccess);
    return post("/api/surveys/campaigns", "supervisor", body);
  }

  private int recipients(long id) {
    return jdbc.queryForObject(
        "select count(*) from sportello.campaign_recipient where campaign_id = ?",
        Integer.class,
        id);
  }

  private int count(long id, String status) {
    return jdbc.queryForObject(
        "select count(*) from sportello.campaign_recipient where campaign_id = ? and status = ?",
        Integer.class,
        id,
        status);
  }

  private ProcessInstance processOf(long id) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(CampaignProcess.PROCESS_KEY)
        .processInstanceBusinessKey(String.valueOf(id))
        .singleResult();
  }

  private void run(ProcessInstance process, String activityId) {
    Job job =
        managementService
            .createJobQuery()
            .processInstanceId(process.getId())
            .activityId(activityId)
            .singleResult();
    assertThat(job).as("a job at %s", activityId).isNotNull();
    managementService.executeJob(job.getId());
  }

  private void sendAll() {
    while (sender.sendDue() > 0) {
      // the outbox sends 50 at a time
    }
  }

  /** Messages the embedded server received per recipient address starting with the prefix. */
  private Map<String, Integer> received(String prefix) throws Exception {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (MimeMessage message : server.receivedMessages()) {
      for (var to : message.getRecipients(Message.RecipientType.TO)) {
        String address = ((InternetAddress) to).getAddress();
        if (address.startsWith(prefix)) {
          counts.merge(address, 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  /** The token of the link in the campaign mail to this address. */
  private String token(String address) throws Exception {
    List<String> tokens = new ArrayList<>();
    for (MimeMessage message : server.receivedMessages()) {
      InternetAddress to = (InternetAddress) message.getRecipients(Message.RecipientType.TO)[0];
      if (to.getAddress().equals(address)) {
        Matcher link = LINK.matcher(String.valueOf(message.getContent()));
        if (link.find()) {
          tokens.add(link.group(1));
        }
      }
    }
    assertThat(tokens).as("the mail to %s", address).isNotEmpty();
    return tokens.get(0);
  }

  private ResponseEntity<JsonNode> answer(String token, String score) {
    return post(
        "/api/public/surveys/" + token + "/answers",
        null,
        Map.of("answers", Map.of("score", score)));
  }

  /** A delivery status notification (RFC 3464) as a receiving MTA writes it about our message. */
  private static MimeMessage dsn(String to, String messageId) throws Exception {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress("MAILER-DAEMON@mx.example.org"));
    message.setRecipients(Message.RecipientType.TO, to);
    message.setSubject("Undelivered Mail Returned to Sender");
    MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
    MimeBodyPart text = new MimeBodyPart();
    text.setText("Your message could not be delivered.", "US-ASCII");
    report.addBodyPart(text);
    MimeBodyPart status = new MimeBodyPart();
    status.setContent(
        "Reporting-MTA: dns; mx.example.org\r\n\r\nFinal-Recipient: rfc822; someone@example.org\r\n"
            + "Action: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\r\n",
        "message/delivery-status");
    report.addBodyPart(status);
    MimeBodyPart headers = new MimeBodyPart();
    headers.setContent(
        "Message-ID: <" + messageId + ">\r\nSubject: Questionario\r\n", "text/rfc822-headers");
    report.addBodyPart(headers);
    message.setContent(report);
    message.setHeader("Message-ID", "<dsn." + UUID.randomUUID() + "@mx.example.org>");
    message.saveChanges();
    message.setHeader("Message-ID", "<dsn." + UUID.randomUUID() + "@mx.example.org>");
    return message;
  }

  private void deliver(MimeMessage message, String recipient) throws Exception {
    Properties props = new Properties();
    props.put("mail.smtp.host", server.host());
    props.put("mail.smtp.port", String.valueOf(server.smtpPort()));
    try (Transport transport = Session.getInstance(props).getTransport("smtp")) {
      transport.connect();
      transport.sendMessage(message, new InternetAddress[] {new InternetAddress(recipient)});
    }
  }
}
