package it.sportello.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.ProcedureTestSupport;
import it.sportello.processes.ProcedureProcesses;
import it.sportello.processes.ProcedureProcesses.Elements;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** A complaint through the real application, from the report to the decision. */
class ComplaintIT extends ProcedureTestSupport {

  @Autowired JdbcTemplate jdbc;

  @Test
  void aComplaintGoesFromReportToAnApprovedPenalty() throws Exception {
    String supplierPec =
        "fornitore." + UUID.randomUUID().toString().substring(0, 8) + "@pec.example.it";
    String reporter = "mario." + UUID.randomUUID().toString().substring(0, 8) + "@example.it";
    String number = report(supplierPec, reporter, "Pulizie Rapide srl");
    assertThat(number).matches("RECL-\\d{4}-\\d{6}");

    JsonNode check = taskFor(number, "headoffice1");
    assertThat(check.path("taskKey").asText()).isEqualTo(Elements.CHECK_REPORT);
    assertThat(
            complete(check.path("id").asText(), "headoffice1", Map.of("checkDecision", "PROCEED"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    // the formal notice leaves by PEC with the deadline for counter-arguments
    runJob(number, ProcedureProcesses.COMPLAINT_PROCESS_KEY, Elements.SEND_FORMAL_NOTICE);
    Map<String, Object> notice =
        jdbc.queryForMap("select * from sportello.outbound_mail where recipient = ?", supplierPec);
    assertThat(notice.get("mailbox_id")).isEqualTo("demo-pec");
    assertThat((String) notice.get("subject")).startsWith("[" + number + "] Contestazione");
    JsonNode complaint = get("/api/complaints/" + number, "manager1").getBody().path("complaint");
    assertThat(complaint.path("status").asText()).isEqualTo("NOTICE_SENT");
    Instant due = Instant.parse(complaint.path("counterArgumentsDueAt").asText());
    assertThat(Duration.between(Instant.now(), due)).isGreaterThan(Duration.ofDays(10));

    // the supplier answers through the API, in time
    var reply =
        post(
            "/api/complaints/" + number + "/supplier-reply",
            "api-client",
            Map.of("text", "Il servizio è stato regolarmente prestato, allego i registri."));
    assertThat(reply.getBody().path("delivered").asBoolean()).isTrue();

    JsonNode evaluation = taskFor(number, "headoffice1");
    assertThat(evaluation.path("taskKey").asText()).isEqualTo(Elements.EVALUATE_CASE);
    var invalid =
        complete(
            evaluation.path("id").asText(), "headoffice1", Map.of("complaintDecision", "PENALTY"));
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(invalid.getBody().path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("penaltyAmount", "decisionReasons");
    assertThat(
            complete(
                    evaluation.path("id").asText(),
                    "headoffice1",
                    Map.of(
                        "complaintDecision", "PENALTY",
                        "penaltyAmount", "1500,50",
                        "decisionReasons", "Controdeduzioni non sufficienti."))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    // the manager approves the decision document (not the one who proposed it)
    JsonNode approval = taskFor(number, "manager1");
    assertThat(approval.path("subjectKind").asText()).isEqualTo("COMPLAINT");
    assertThat(
            complete(
                    approval.path("id").asText(), "manager1", Map.of("approvalDecision", "APPROVE"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    runJob(number, ProcedureProcesses.COMPLAINT_PROCESS_KEY, Elements.NOTIFY_DECISION);

    JsonNode detail = get("/api/complaints/" + number, "secretariat1").getBody();
    assertThat(detail.path("complaint").path("status").asText()).isEqualTo("CLOSED");
    assertThat(detail.path("complaint").path("penaltyAmount").decimalValue())
        .isEqualByComparingTo("1500.50");
    assertThat(kinds(detail.path("timeline")))
        .containsSubsequence(
            "REPORTED",
            "CHECK_PROCEED",
            "NOTICE_SENT",
            "DEADLINE_SET",
            "SUPPLIER_REPLIED",
            "DECISION_PROPOSED",
            "APPROVAL_REQUESTED",
            "APPROVED",
            "DECISION_NOTIFIED",
            "REPORTER_NOTIFIED",
            "CLOSED");
    JsonNode decision =
        java.util.stream.StreamSupport.stream(detail.path("documents").spliterator(), false)
            .filter(d -> d.path("role").asText().equals("DECISION"))
            .findFirst()
            .orElseThrow();
    JsonNode record = detail.path("approvals").get(0);
    assertThat(record.path("decidedBy").asText()).isEqualTo("manager1");
    assertThat(record.path("submittedBy").asText()).isEqualTo("headoffice1");
    assertThat(record.path("sha256").asText()).isEqualTo(decision.path("sha256").asText());
    assertThat(record.path("decidedAt").isTextual()).isTrue();
    assertThat(
            jdbc.queryForList(
                "select subject from sportello.outbound_mail where recipient = ?",
                String.class,
                reporter))
        .containsExactly("[" + number + "] Esito della segnalazione");

    // the register: search by supplier and status, exports
    assertThat(
            get("/api/complaints?supplier=pulizie rapide&status=CLOSED", "supervisor")
                .getBody()
                .findValuesAsText("caseNumber"))
        .contains(number);
    // the period: the query's dates are bound (a period long past excludes it, one open-ended keeps
    // it)
    assertThat(
            get("/api/complaints?status=CLOSED&from=2001-01-01&to=2001-01-31", "supervisor")
                .getBody()
                .findValuesAsText("caseNumber"))
        .doesNotContain(number);
    assertThat(
            get("/api/complaints?status=CLOSED&from=2001-01-01", "supervisor")
                .getBody()
                .findValuesAsText("caseNumber"))
        .contains(number);
    assertThat(
            rest.withBasicAuth("manager1", "demo")
                .getForObject("/api/complaints/export.csv?supplier=" + supplierPec, String.class))
        .contains(number + ";CLOSED;")
        .contains("1500.50");
    byte[] xlsx =
        rest.withBasicAuth("manager1", "demo")
            .getForObject("/api/complaints/export.xlsx?status=CLOSED", byte[].class);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheet("Procedimenti");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("case_number");
      List<String> numbers = new java.util.ArrayList<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        numbers.add(sheet.getRow(r).getCell(0).getStringCellValue());
      }
      assertThat(numbers).contains(number);
    }
  }

  @Test
  void theDeadlinePassesWithoutAReplyAndALateReplyIsOnlyRecorded() {
    String supplierPec =
        "ditta." + UUID.randomUUID().toString().substring(0, 8) + "@pec.example.it";
    String number = report(supplierPec, null, "Mense Sane spa");
    complete(
        taskFor(number, "headoffice1").path("id").asText(),
        "headoffice1",
        Map.of("checkDecision", "PROCEED"));
    runJob(number, ProcedureProcesses.COMPLAINT_PROCESS_KEY, Elements.SEND_FORMAL_NOTICE);

    runJob(number, ProcedureProcesses.COMPLAINT_PROCESS_KEY, Elements.COUNTER_ARGUMENTS_DEADLINE);
    assertThat(taskFor(number, "headoffice1").path("taskKey").asText())
        .isEqualTo(Elements.EVALUATE_CASE);

    Instant due =
        Instant.parse(
            get("/api/complaints/" + number, "manager1")
                .getBody()
                .path("complaint")
                .path("counterArgumentsDueAt")
                .asText());
    clock.pin(due.plusSeconds(3600));
    var late =
        post(
            "/api/complaints/" + number + "/supplier-reply",
            "secretariat1",
            Map.of("text", "Rispondiamo in ritardo."));
    assertThat(late.getBody().path("delivered").asBoolean()).isFalse();
    clock.release();

    // the head of office proposes archiving, the manager sends it back, then approves
    complete(
        taskFor(number, "headoffice1").path("id").asText(),
        "headoffice1",
        Map.of("complaintDecision", "ARCHIVE", "decisionReasons", "Inadempimento non provato."));
    complete(
        taskFor(number, "manager1").path("id").asText(),
        "manager1",
        Map.of("approvalDecision", "REJECT", "comments", "Motivare meglio."));
    complete(
        taskFor(number, "headoffice1").path("id").asText(),
        "headoffice1",
        Map.of(
            "complaintDecision",
            "ARCHIVE",
            "decisionReasons",
            "Inadempimento non provato: i registri mostrano il servizio reso."));
    complete(
        taskFor(number, "manager1").path("id").asText(),
        "manager1",
        Map.of("approvalDecision", "APPROVE"));
    runJob(number, ProcedureProcesses.COMPLAINT_PROCESS_KEY, Elements.NOTIFY_DECISION);

    JsonNode detail = get("/api/complaints/" + number, "manager1").getBody();
    assertThat(detail.path("complaint").path("status").asText()).isEqualTo("CLOSED");
    assertThat(detail.path("complaint").path("decision").asText()).isEqualTo("ARCHIVE");
    assertThat(kinds(detail.path("timeline")))
        .containsSubsequence(
            "DEADLINE_PASSED",
            "DECISION_PROPOSED",
            "REJECTED",
            "DOCUMENT_REPLACED",
            "APPROVED",
            "CLOSED")
        .as("the late reply is recorded at the time it came")
        .contains("SUPPLIER_REPLIED_LATE");
    JsonNode approvals = detail.path("approvals");
    assertThat(approvals).hasSize(2);
    assertThat(approvals.get(0).path("documentVersion").asInt()).isEqualTo(1);
    assertThat(approvals.get(0).path("decision").asText()).isEqualTo("REJECT");
    assertThat(approvals.get(1).path("documentVersion").asInt()).isEqualTo(2);
    assertThat(approvals.get(1).path("sha256").asText())
        .isNotEqualTo(approvals.get(0).path("sha256").asText());
  }

  @Test
  void aReportIsDismissedWithAReason() {
    String reporter = "giulia." + UUID.randomUUID().toString().substring(0, 8) + "@example.it";
    String number =
        report(
            "x." + UUID.randomUUID().toString().substring(0, 8) + "@pec.example.it",
            reporter,
            "Verde Pubblico srl");
    String check = taskFor(number, "headoffice1").path("id").asText();
    var noReason = complete(check, "headoffice1", Map.of("checkDecision", "DISMISS"));
    assertThat(noReason.getBody().path("errors").findValuesAsText("field"))
        .containsExactly("dismissalReason");
    complete(
        check,
        "headoffice1",
        Map.of(
            "checkDecision",
            "DISMISS",
            "dismissalReason",
            "Fatto non riconducibile al contratto."));
    runJob(number, ProcedureProcesses.COMPLAINT_PROCESS_KEY, "serviceTask_dismissComplaint");

    JsonNode complaint = get("/api/complaints/" + number, "manager1").getBody().path("complaint");
    assertThat(complaint.path("status").asText()).isEqualTo("DISMISSED");
    assertThat(
            jdbc.queryForList(
                "select subject from sportello.outbound_mail where recipient = ?",
                String.class,
                reporter))
        .containsExactly("[" + number + "] Segnalazione archiviata");
  }

  @Test
  void officesReadTheComplaintsOfTheirTicketsAndTheirInboxAndTheAuditorNone() {
    String ticket = ticketInvolving("office-tributi");
    String fromTicket = report(pec(), null, "Mense Sane srl", ticket);
    String other = report(pec(), null, "Verde Pubblico srl", null);
    long fromTicketEvidence = evidence(fromTicket);
    long otherEvidence = evidence(other);

    // the auditor reads reports, not complaints
    for (String path :
        List.of(
            "/api/complaints",
            "/api/complaints/" + fromTicket,
            "/api/complaints/" + fromTicket + "/documents/" + fromTicketEvidence,
            "/api/complaints/export.csv",
            "/api/complaints/export.xlsx")) {
      assertThat(status(path, "auditor")).as(path).isEqualTo(HttpStatus.FORBIDDEN);
    }

    // an office reads the complaints that came from its tickets; the others look unknown
    assertThat(get("/api/complaints", "office1").getBody().findValuesAsText("caseNumber"))
        .contains(fromTicket)
        .doesNotContain(other);
    assertThat(status("/api/complaints/" + fromTicket, "office1")).isEqualTo(HttpStatus.OK);
    assertThat(
            status("/api/complaints/" + fromTicket + "/documents/" + fromTicketEvidence, "office1"))
        .isEqualTo(HttpStatus.OK);
    assertThat(status("/api/complaints/" + other, "office1")).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(status("/api/complaints/" + other + "/documents/" + otherEvidence, "office1"))
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            rest.withBasicAuth("office1", "demo")
                .getForObject("/api/complaints/export.csv", String.class))
        .contains(fromTicket)
        .doesNotContain(other);

    // the heads of office check every report: one in their inbox is readable with its documents
    assertThat(taskFor(other, "headoffice1").path("taskKey").asText())
        .isEqualTo(Elements.CHECK_REPORT);
    assertThat(status("/api/complaints/" + other, "headoffice1")).isEqualTo(HttpStatus.OK);
    assertThat(status("/api/complaints/" + other + "/documents/" + otherEvidence, "headoffice1"))
        .isEqualTo(HttpStatus.OK);

    for (String whole : List.of("secretariat1", "manager1", "supervisor")) {
      assertThat(get("/api/complaints", whole).getBody().findValuesAsText("caseNumber"))
          .as(whole)
          .contains(fromTicket, other);
    }
  }

  /** A ticket that level 2 handed to an office. */
  private String ticketInvolving(String office) {
    String number =
        post("/api/tickets", "api-client", ticketRequest(fiscalCode(), "Mensa scolastica"))
            .getBody()
            .path("number")
            .asText();
    complete(
        taskFor(number, "operator1").path("id").asText(),
        "operator1",
        Map.of("decision", "ESCALATE"));
    complete(
        taskFor(number, "operator2").path("id").asText(),
        "operator2",
        Map.of("decision", "INVOLVE_OFFICE", "office", office));
    return number;
  }

  private static String pec() {
    return "fornitore." + UUID.randomUUID().toString().substring(0, 8) + "@pec.example.it";
  }

  private long evidence(String number) {
    var added =
        upload(
            "/api/complaints/" + number + "/documents",
            "secretariat1",
            "EVIDENCE",
            "foto.txt",
            "Foto della sede non pulita".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return added.getBody().path("documentId").asLong();
  }

  private org.springframework.http.HttpStatusCode status(String path, String user) {
    return rest.withBasicAuth(user, "demo")
        .exchange(path, org.springframework.http.HttpMethod.GET, null, byte[].class)
        .getStatusCode();
  }

  private String report(String supplierPec, String reporterEmail, String supplierName) {
    return report(supplierPec, reporterEmail, supplierName, null);
  }

  private String report(
      String supplierPec, String reporterEmail, String supplierName, String ticketNumber) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put(
        "supplier",
        Map.of(
            "name",
            supplierName,
            "email",
            supplierPec,
            "vatNumber",
            String.valueOf(System.nanoTime() % 100000000000L)));
    request.put("contract", "CIG 12345678AB — servizio di pulizia");
    request.put("description", "Pulizie non eseguite nella sede di via Roma per tre settimane.");
    if (reporterEmail != null) {
      request.put("reporter", Map.of("name", "Mario Bianchi", "email", reporterEmail));
    }
    if (ticketNumber != null) {
      request.put("ticketNumber", ticketNumber);
    }
    var response = post("/api/complaints", "secretariat1", request);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    return response.getBody().path("complaint").path("caseNumber").asText();
  }
}
