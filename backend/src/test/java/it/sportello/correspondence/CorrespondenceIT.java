package it.sportello.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.ProcedureTestSupport;
import it.sportello.channel.mail.OutboundMailSender;
import it.sportello.processes.ProcedureProcesses;
import it.sportello.processes.ProcedureProcesses.Elements;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A letter through the real application: registration, draft, review, signature, sending, archive.
 */
class CorrespondenceIT extends ProcedureTestSupport {

  @Autowired OutboundMailSender sender;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aLetterGoesFromRegistrationToApprovalSignatureSendingAndArchive() throws Exception {
    String citizen = "anna." + UUID.randomUUID().toString().substring(0, 8) + "@example.it";
    String number = register(citizen, "EMAIL");
    assertThat(number).matches("PROT-\\d{4}-\\d{6}");

    // the office drafts the answer from the form's text
    String answer = "Gentile signora, la sua istanza di rimborso TARI è accolta.";
    JsonNode draft = taskFor(number, "office1");
    assertThat(draft.path("taskKey").asText()).isEqualTo(Elements.DRAFT_ANSWER);
    assertThat(
            complete(draft.path("id").asText(), "office1", Map.of("draftDecision", "SUBMIT"))
                .getStatusCode())
        .as("no answer written and none uploaded")
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(
            complete(
                    draft.path("id").asText(),
                    "office1",
                    Map.of("draftDecision", "SUBMIT", "answerText", answer))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    // the head of office reviews, the manager signs
    JsonNode review = taskFor(number, "headoffice1");
    assertThat(review.path("processKey").asText())
        .isEqualTo(ProcedureProcesses.APPROVAL_PROCESS_KEY);
    // the approval serves letters and complaints: the task says which (the web page chooses by it)
    assertThat(review.path("subjectKind").asText()).isEqualTo("LETTER");
    assertThat(
            complete(
                    review.path("id").asText(), "headoffice1", Map.of("approvalDecision", "REJECT"))
                .getBody()
                .path("errors")
                .get(0)
                .path("field")
                .asText())
        .as("a rejection needs comments")
        .isEqualTo("comments");
    Instant beforeApproval = Instant.now().minusSeconds(5);
    approve(number, "headoffice1");
    approve(number, "manager1");

    // the signed answer leaves by mail, then the letter is archived
    runJob(number, ProcedureProcesses.CORRESPONDENCE_PROCESS_KEY, Elements.SEND_LETTER);
    Map<String, Object> mail =
        jdbc.queryForMap("select * from sportello.outbound_mail where recipient = ?", citizen);
    assertThat((String) mail.get("subject")).startsWith("[" + number + "]");
    assertThat((String) mail.get("body")).contains(answer).contains(sha256(answer));
    assertThat(sender.sendDue()).isGreaterThanOrEqualTo(1);
    assertThat(subjectsInMailbox(citizen))
        .containsExactly("[" + number + "] Istanza di rimborso TARI");

    JsonNode detail = get("/api/correspondence/" + number, "secretariat1").getBody();
    assertThat(detail.path("letter").path("status").asText()).isEqualTo("ARCHIVED");
    assertThat(kinds(detail.path("timeline")))
        .containsSubsequence(
            "REGISTERED",
            "ASSIGNED",
            "DEADLINE_SET",
            "DOCUMENT_ADDED",
            "ANSWER_SUBMITTED",
            "APPROVAL_REQUESTED",
            "APPROVED",
            "APPROVAL_REQUESTED",
            "APPROVED",
            "SENT",
            "ARCHIVED");

    // the approval record proves which bytes were approved, by whom and when
    JsonNode approvals = detail.path("approvals");
    assertThat(approvals).hasSize(2);
    assertThat(approvals.get(0).path("step").asText()).isEqualTo("REVIEW");
    assertThat(approvals.get(0).path("decidedBy").asText()).isEqualTo("headoffice1");
    assertThat(approvals.get(1).path("step").asText()).isEqualTo("SIGNATURE");
    assertThat(approvals.get(1).path("decidedBy").asText()).isEqualTo("manager1");
    for (JsonNode approval : approvals) {
      assertThat(approval.path("decision").asText()).isEqualTo("APPROVE");
      assertThat(approval.path("sha256").asText()).isEqualTo(sha256(answer));
      assertThat(approval.path("documentVersion").asInt()).isEqualTo(1);
      assertThat(approval.path("submittedBy").asText()).isEqualTo("office1");
      assertThat(Instant.parse(approval.path("decidedAt").asText())).isAfter(beforeApproval);
    }
    long documentId = approvals.get(1).path("documentId").asLong();
    byte[] bytes =
        rest.withBasicAuth("manager1", "demo")
            .getForObject(
                "/api/correspondence/" + number + "/documents/" + documentId, byte[].class);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(answer);

    // once sent, the documents are final
    assertThat(
            upload(
                    "/api/correspondence/" + number + "/documents",
                    "office1",
                    "REPLY",
                    "late.txt",
                    "troppo tardi".getBytes(StandardCharsets.UTF_8))
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(get("/api/correspondence?q=" + number, "supervisor").getBody()).hasSize(1);
    assertThat(
            get("/api/correspondence?q=" + number + "&from=2001-01-01&to=2001-01-31", "supervisor")
                .getBody())
        .isEmpty();
    assertThat(
            rest.withBasicAuth("secretariat1", "demo")
                .getForObject("/api/correspondence/export.csv?q=" + number, String.class))
        .contains(number + ";INCOMING;ARCHIVED");
  }

  @Test
  void replacingTheAnswerAfterItsApprovalForcesANewApproval() {
    String citizen = "luca." + UUID.randomUUID().toString().substring(0, 8) + "@example.it";
    String number = register(citizen, "PEC");
    String first = "Prima versione della risposta.";
    complete(
        taskFor(number, "office1").path("id").asText(),
        "office1",
        Map.of("draftDecision", "SUBMIT", "answerText", first));
    approve(number, "headoffice1");
    approve(number, "manager1");

    // after the signature, before sending, someone replaces the answer
    String second = "Seconda versione della risposta, corretta.";
    JsonNode replaced =
        upload(
                "/api/correspondence/" + number + "/documents",
                "office1",
                "REPLY",
                "risposta-v2.txt",
                second.getBytes(StandardCharsets.UTF_8))
            .getBody();
    assertThat(replaced.path("version").asInt()).isEqualTo(2);
    assertThat(replaced.path("sha256").asText()).isEqualTo(sha256(second));

    runJob(number, ProcedureProcesses.CORRESPONDENCE_PROCESS_KEY, Elements.SEND_LETTER);

    assertThat(
            jdbc.queryForList(
                "select id from sportello.outbound_mail where recipient = ?", citizen))
        .as("sending refused")
        .isEmpty();
    JsonNode detail = get("/api/correspondence/" + number, "office1").getBody();
    assertThat(detail.path("letter").path("status").asText()).isEqualTo("IN_APPROVAL");
    assertThat(kinds(detail.path("timeline")))
        .containsSubsequence(
            "APPROVED",
            "DOCUMENT_REPLACED",
            "APPROVAL_INVALIDATED",
            "SENDING_REFUSED",
            "APPROVAL_REQUESTED");
    JsonNode review = taskFor(number, "headoffice1");
    assertThat(review.path("processKey").asText())
        .isEqualTo(ProcedureProcesses.APPROVAL_PROCESS_KEY);

    approve(number, "headoffice1");
    approve(number, "manager1");
    runJob(number, ProcedureProcesses.CORRESPONDENCE_PROCESS_KEY, Elements.SEND_LETTER);

    Map<String, Object> mail =
        jdbc.queryForMap("select * from sportello.outbound_mail where recipient = ?", citizen);
    assertThat(mail.get("mailbox_id")).as("PEC from the PEC mailbox").isEqualTo("demo-pec");
    assertThat((String) mail.get("body")).contains(second).doesNotContain(first);
    List<String> hashes =
        get("/api/correspondence/" + number, "office1")
            .getBody()
            .path("approvals")
            .findValuesAsText("sha256");
    assertThat(hashes)
        .containsExactly(sha256(first), sha256(first), sha256(second), sha256(second));
  }

  @Test
  void fourEyesTheDrafterCannotApproveTheirOwnAnswer() {
    String number =
        register("carla." + UUID.randomUUID().toString().substring(0, 8) + "@example.it", "POST");
    // the head of office is also in the Tributi office and drafts the answer himself
    complete(
        taskFor(number, "headoffice1").path("id").asText(),
        "headoffice1",
        Map.of("draftDecision", "SUBMIT", "answerText", "Risposta del dirigente."));

    String review = taskFor(number, "headoffice1").path("id").asText();
    var claim = post("/api/tasks/" + review + "/claim", "headoffice1", null);
    assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(claim.getBody().path("detail").asText()).contains("Four eyes");
    assertThat(
            complete(review, "headoffice1", Map.of("approvalDecision", "APPROVE")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(
            post("/api/tasks/" + review + "/assign", "supervisor", Map.of("userId", "headoffice1"))
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void protocolNumbersAreGaplessUnderConcurrency() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<String>> registrations =
          java.util.stream.IntStream.range(0, 8)
              .<Callable<String>>mapToObj(
                  i ->
                      () ->
                          register(
                              "conc"
                                  + i
                                  + "."
                                  + UUID.randomUUID().toString().substring(0, 6)
                                  + "@example.it",
                              "EMAIL"))
              .toList();
      List<Long> values = new java.util.ArrayList<>();
      for (Future<String> number : pool.invokeAll(registrations)) {
        values.add(Long.parseLong(number.get().substring(10)));
      }
      java.util.Collections.sort(values);
      assertThat(values.get(values.size() - 1) - values.get(0)).isEqualTo(values.size() - 1);
      assertThat(values).doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void eachRoleReadsItsShareOfTheRegisterAndTheAuditorNone() {
    String tributi =
        register("t." + UUID.randomUUID().toString().substring(0, 8) + "@example.it", "EMAIL");
    String anagrafe =
        register(
            "a." + UUID.randomUUID().toString().substring(0, 8) + "@example.it",
            "EMAIL",
            "office-anagrafe");
    long tributiDocument = firstDocument(tributi);
    long anagrafeDocument = firstDocument(anagrafe);

    // the auditor reads reports, not letters: no list, item, document or export
    for (String path :
        List.of(
            "/api/correspondence",
            "/api/correspondence/" + tributi,
            "/api/correspondence/" + tributi + "/documents/" + tributiDocument,
            "/api/correspondence/export.csv")) {
      assertThat(status(path, "auditor")).as(path).isEqualTo(HttpStatus.FORBIDDEN);
    }

    // an office (and its head) reads its own office's letters only; another office's look unknown
    for (String office : List.of("office1", "headoffice1")) {
      assertThat(
              get("/api/correspondence?q=PROT-", office)
                  .getBody()
                  .findValuesAsText("protocolNumber"))
          .as(office)
          .contains(tributi)
          .doesNotContain(anagrafe);
      assertThat(get("/api/correspondence/" + tributi, office).getStatusCode())
          .isEqualTo(HttpStatus.OK);
      assertThat(status("/api/correspondence/" + tributi + "/documents/" + tributiDocument, office))
          .isEqualTo(HttpStatus.OK);
      ResponseEntity<JsonNode> hidden = get("/api/correspondence/" + anagrafe, office);
      assertThat(hidden.getStatusCode()).as(office).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(hidden.getBody().path("detail").asText())
          .isEqualTo(
              get("/api/correspondence/PROT-1999-999999", office)
                  .getBody()
                  .path("detail")
                  .asText()
                  .replace("PROT-1999-999999", anagrafe));
      assertThat(
              status("/api/correspondence/" + anagrafe + "/documents/" + anagrafeDocument, office))
          .isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(
              upload(
                      "/api/correspondence/" + anagrafe + "/documents",
                      office,
                      "ATTACHMENT",
                      "intruso.txt",
                      "x".getBytes(StandardCharsets.UTF_8))
                  .getStatusCode())
          .isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(
              rest.withBasicAuth(office, "demo")
                  .getForObject("/api/correspondence/export.csv?q=PROT-", String.class))
          .contains(tributi)
          .doesNotContain(anagrafe);
    }

    // the secretariat, the manager and the supervisors read the whole register
    for (String whole : List.of("secretariat1", "manager1", "supervisor")) {
      assertThat(
              get("/api/correspondence?q=PROT-", whole)
                  .getBody()
                  .findValuesAsText("protocolNumber"))
          .as(whole)
          .contains(tributi, anagrafe);
      assertThat(
              status("/api/correspondence/" + anagrafe + "/documents/" + anagrafeDocument, whole))
          .isEqualTo(HttpStatus.OK);
    }
  }

  @Test
  void invalidRegistrationsNameTheirFields() {
    var response =
        post(
            "/api/correspondence",
            "secretariat1",
            Map.of("direction", "INCOMING", "sendBy", "EMAIL", "office", "tributi"));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().path("errors").findValuesAsText("field"))
        .contains("subject", "correspondent.name", "office", "recipientAddress");
    assertThat(get("/api/correspondence", "api-client").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private String register(String email, String sendBy) {
    return register(email, sendBy, "office-tributi");
  }

  private String register(String email, String sendBy, String office) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("direction", "INCOMING");
    request.put("subject", "Istanza di rimborso TARI");
    request.put("classification", "tributi/rimborsi");
    request.put("correspondent", Map.of("name", "Anna Verdi", "email", email));
    request.put("office", office);
    request.put("sendBy", sendBy);
    request.put("text", "Chiedo il rimborso della TARI 2025 pagata due volte.");
    var response = post("/api/correspondence", "secretariat1", request);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return response.getBody().path("letter").path("protocolNumber").asText();
  }

  private long firstDocument(String number) {
    JsonNode documents =
        get("/api/correspondence/" + number, "secretariat1").getBody().path("documents");
    assertThat(documents).as("documents of %s", number).isNotEmpty();
    return documents.get(0).path("documentId").asLong();
  }

  private HttpStatusCode status(String path, String user) {
    return rest.withBasicAuth(user, "demo")
        .exchange(path, HttpMethod.GET, null, byte[].class)
        .getStatusCode();
  }

  private void approve(String number, String user) {
    JsonNode task = taskFor(number, user);
    assertThat(task.path("taskKey").asText()).isEqualTo(Elements.DECIDE_APPROVAL);
    var response =
        complete(
            task.path("id").asText(),
            user,
            Map.of("approvalDecision", "APPROVE", "comments", "ok"));
    assertThat(response.getStatusCode())
        .as("approval by %s: %s", user, response.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }
}
