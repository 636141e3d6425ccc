package it.sportello.reporting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.channel.mail.EmbeddedMailServer;
import it.sportello.channel.mail.MailOutbox;
import it.sportello.channel.mail.OutboundMailSender;
import it.sportello.reporting.ReportWorkbooks;
import it.sportello.reporting.SlaFigures;
import it.sportello.reporting.SlaReport;
import it.sportello.reporting.SlaReports;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The demo's schedules (application-default.yml): the monthly SLA set to the contract managers on
 * the 1st at 07:00, the weekly activity on Mondays; tickets of February 2033 (week 2033-W06), mail
 * sent through the embedded GreenMail and read back over IMAP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportDeliveryIT extends IntegrationTest {

  private static final ZoneId ROME = ZoneId.of("Europe/Rome");
  private static final String MONTHLY = "monthly-sla";
  private static final String WEEKLY = "weekly-activity";

  @Autowired ReportDeliveries deliveries;
  @Autowired OutboundMailSender sender;
  @Autowired EmbeddedMailServer server;
  @Autowired SlaReports reports;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReportDeliveryTable table;
  @Autowired ReportWorkbooks workbooks;
  @Autowired MailOutbox outbound;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired it.sportello.shared.TextTemplates texts;

  @BeforeAll
  void februaryOfTickets() {
    String onTime = receive("EMAIL", "2033-02-08T09:00");
    String late = receive("WEB", "2033-02-09T09:00");
    receive("EMAIL", "2033-02-10T09:00"); // still open
    solve(onTime, "2033-02-08T11:00");
    solve(late, "2033-02-10T09:00");
  }

  @Test
  void theMonthlySetIsMailedOnceWithTheSlaWorkbookOfThePreviousMonth() throws Exception {
    String recipient = deliveries.schedule(MONTHLY).orElseThrow().recipients().get(0);
    pin("2033-03-01T07:00");

    List<ReportDeliveries.Delivery> first = deliveries.trigger(MONTHLY);

    assertThat(first).hasSize(1);
    ReportDeliveries.Delivery delivery = first.get(0);
    assertThat(delivery.period()).isEqualTo("2033-02");
    assertThat(delivery.status()).isEqualTo(ReportDeliveries.Status.QUEUED);
    assertThat(delivery.manual()).isFalse();
    assertThat(delivery.recipients()).containsExactly(recipient);
    assertThat(delivery.mailsPending()).isEqualTo(1);

    // a second trigger for the period (a restart, another node) queues nothing
    pin("2033-03-01T07:00:30");
    assertThat(deliveries.trigger(MONTHLY)).isEmpty();
    assertThat(
            jdbc.queryForObject(
                """
                select count(*) from sportello.report_delivery d
                join sportello.report_delivery_mail m on m.delivery_id = d.id
                where d.schedule_id = ? and d.period = '2033-02'""",
                Integer.class,
                MONTHLY))
        .isEqualTo(1);

    sendUntilSent(delivery.id());
    MimeMessage mail = received(recipient, "2033-02");
    assertThat(mail.getSubject()).isEqualTo("Sportello – Report SLA mensile 2033-02");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("sportello@comune.example");
    Multipart parts = (Multipart) mail.getContent();
    assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
    assertThat((String) parts.getBodyPart(0).getContent())
        .contains("2033-02", "dal 01/02/2033 al 28/02/2033", "sla-2033-02.xlsx");
    Part file = parts.getBodyPart(1);
    assertThat(file.getFileName()).isEqualTo("sla-2033-02.xlsx");
    assertThat(file.getDisposition()).isEqualTo(Part.ATTACHMENT);

    SlaReport report = reports.report(YearMonth.of(2033, 2));
    SlaFigures o1 =
        report.slas().stream().filter(s -> s.code().equals("SLA.O.1")).findFirst().orElseThrow();
    assertThat(o1.volume()).isEqualTo(3);
    try (XSSFWorkbook workbook =
        new XSSFWorkbook(new ByteArrayInputStream(file.getInputStream().readAllBytes()))) {
      Sheet sla = workbook.getSheet("SLA");
      assertThat(sla).isNotNull();
      assertThat(sla.getRow(0).getCell(0).getStringCellValue()).isEqualTo("SLA report 2033-02");
      Row row = rowOf(sla, "SLA.O.1");
      assertThat(row.getCell(5).getNumericCellValue()).isEqualTo((double) o1.volume());
      assertThat(row.getCell(8).getNumericCellValue()).isEqualTo((double) o1.met());
      assertThat(row.getCell(9).getNumericCellValue()).isEqualTo((double) o1.missed());
      assertThat(row.getCell(11).getNumericCellValue()).isEqualTo(o1.value().doubleValue());
      assertThat(row.getCell(12).getStringCellValue()).isEqualTo(o1.status().name());
      assertThat(row.getCell(15).getNumericCellValue()).isEqualTo(o1.penalty().doubleValue());
      assertThat(workbook.getSheet("Tickets").getLastRowNum()).isGreaterThanOrEqualTo(3);
    }

    // the API lists it, sent
    JsonNode listed = get("/api/reports/deliveries", "auditor").getBody();
    assertThat(listed.get("zone").asText()).isEqualTo("Europe/Rome");
    JsonNode schedule = byField(listed.get("schedules"), "id", MONTHLY);
    assertThat(schedule.get("report").asText()).isEqualTo("MONTHLY");
    assertThat(schedule.get("mailbox").asText()).isEqualTo("demo");
    assertThat(schedule.get("nextRun").asText()).isEqualTo("2033-04-01T07:00:00+02:00");
    JsonNode shown = byField(listed.get("deliveries"), "id", String.valueOf(delivery.id()));
    assertThat(shown.get("period").asText()).isEqualTo("2033-02");
    assertThat(shown.get("status").asText()).isEqualTo("SENT");
    assertThat(shown.get("recipients").get(0).asText()).isEqualTo(recipient);

    // a manual re-send is a delivery of its own; the scheduled one stays the only one
    ResponseEntity<JsonNode> again =
        post(
            "/api/reports/deliveries/" + MONTHLY + "/runs",
            "manager1",
            Map.of("period", "2033-02"));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(again.getBody().get("manual").asBoolean()).isTrue();
    assertThat(again.getBody().get("requestedBy").asText()).isEqualTo("manager1");
    assertThat(again.getBody().get("status").asText()).isEqualTo("QUEUED");
    assertThat(
            jdbc.queryForList(
                "select manual from sportello.report_delivery where schedule_id = ? and period = ?"
                    + " order by id",
                Boolean.class,
                MONTHLY,
                "2033-02"))
        .containsExactly(false, true);
    assertThat(deliveries.trigger(MONTHLY)).isEmpty();
  }

  @Test
  void theWeeklySetIsTheActivityOfThePreviousIsoWeekQueuedByOneOfTwoNodes() throws Exception {
    String recipient = deliveries.schedule(WEEKLY).orElseThrow().recipients().get(0);
    pin("2033-02-14T07:00");

    // two nodes fire at once: one queues, the other finds the period taken
    CompletableFuture<List<ReportDeliveries.Delivery>> one =
        CompletableFuture.supplyAsync(() -> deliveries.trigger(WEEKLY));
    CompletableFuture<List<ReportDeliveries.Delivery>> two =
        CompletableFuture.supplyAsync(() -> deliveries.trigger(WEEKLY));
    List<ReportDeliveries.Delivery> done = new ArrayList<>(one.get());
    done.addAll(two.get());
    assertThat(done).hasSize(1);
    assertThat(done.get(0).period()).isEqualTo("2033-W06");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.report_delivery where schedule_id = ?"
                    + " and period = '2033-W06'",
                Integer.class,
                WEEKLY))
        .isEqualTo(1);

    sendUntilSent(done.get(0).id());
    MimeMessage mail = received(recipient, "2033-W06");
    Part file = ((Multipart) mail.getContent()).getBodyPart(1);
    assertThat(file.getFileName()).isEqualTo("activity-2033-W06.xlsx");
    try (XSSFWorkbook workbook =
        new XSSFWorkbook(new ByteArrayInputStream(file.getInputStream().readAllBytes()))) {
      assertThat(workbook.getSheet("SLA")).isNull();
      Sheet days = workbook.getSheet("Days");
      assertThat(days.getRow(1).getCell(0).getStringCellValue()).isEqualTo("2033-02-07");
      assertThat(days.getRow(7).getCell(0).getStringCellValue()).isEqualTo("2033-02-13");
      Row total = days.getRow(8);
      assertThat(total.getCell(0).getStringCellValue()).isEqualTo("Total");
      assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(3.0);
      assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(2.0);
      assertThat(workbook.getSheet("Backlog")).isNotNull();
    }
  }

  @Test
  void aFailedGenerationIsRecordedWithItsErrorAndTriedAgainAtTheNextTrigger() {
    AtomicBoolean broken = new AtomicBoolean(true);
    ReportWorkbooks flaky =
        new ReportWorkbooks() {
          @Override
          public File monthlySla(YearMonth month) {
            if (broken.get()) {
              throw new IllegalStateException("disk full");
            }
            return workbooks.monthlySla(month);
          }

          @Override
          public File activity(java.time.LocalDate from, java.time.LocalDate to, String label) {
            return workbooks.activity(from, to, label);
          }
        };
    String id = "failing-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    ReportDeliveries failing =
        new ReportDeliveries(
            new ReportDeliveryProperties(
                List.of(
                    new ReportDeliveryProperties.Schedule(
                        id,
                        "Prova",
                        "0 0 7 1 * *",
                        ReportSet.MONTHLY,
                        List.of("prova@comune.example"),
                        "en",
                        null)),
                false),
            table,
            flaky,
            outbound,
            reports,
            transactionManager,
            clock,
            texts);

    pin("2033-03-01T07:00");
    List<ReportDeliveries.Delivery> failed = failing.trigger(id);
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).status()).isEqualTo(ReportDeliveries.Status.FAILED);
    assertThat(failed.get(0).error()).isEqualTo("disk full");
    assertThat(failed.get(0).mailsPending()).as("nothing half-written").isZero();
    assertThat(failing.latest(50))
        .filteredOn(delivery -> delivery.scheduleId().equals(id))
        .extracting(ReportDeliveries.Delivery::status)
        .containsExactly(ReportDeliveries.Status.FAILED);

    pin("2033-03-01T07:05");
    assertThat(failing.trigger(id))
        .extracting(ReportDeliveries.Delivery::attempts)
        .containsExactly(2);

    // a month later generation works again: the failed month goes out with the new one
    broken.set(false);
    pin("2033-04-01T07:00");
    List<ReportDeliveries.Delivery> retried = failing.trigger(id);
    assertThat(retried)
        .extracting(
            ReportDeliveries.Delivery::period,
            ReportDeliveries.Delivery::status,
            ReportDeliveries.Delivery::attempts)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("2033-02", ReportDeliveries.Status.QUEUED, 3),
            org.assertj.core.groups.Tuple.tuple("2033-03", ReportDeliveries.Status.QUEUED, 1));
    assertThat(retried.get(0).error()).isNull();
    assertThat(failing.trigger(id)).isEmpty();
  }

  @Test
  void badRunsAreAnsweredWithProblemDetails() {
    pin("2033-02-20T10:00");
    ResponseEntity<JsonNode> unknown =
        post("/api/reports/deliveries/no-such-schedule/runs", "supervisor", Map.of());
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<JsonNode> badMonth =
        post(
            "/api/reports/deliveries/" + MONTHLY + "/runs",
            "supervisor",
            Map.of("period", "2033-W06"));
    assertThat(badMonth.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badMonth.getBody().get("errors").get(0).get("field").asText()).isEqualTo("period");

    ResponseEntity<JsonNode> future =
        post(
            "/api/reports/deliveries/" + WEEKLY + "/runs",
            "supervisor",
            Map.of("period", "2033-W20"));
    assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(future.getBody().get("errors").get(0).get("field").asText()).isEqualTo("period");

    assertThat(
            post("/api/reports/deliveries/" + MONTHLY + "/runs", "auditor", Map.of())
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("/api/reports/deliveries", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("/api/reports/deliveries", "manager1").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private void sendUntilSent(long deliveryId) {
    for (int i = 0; i < 20; i++) {
      sender.sendDue();
      String status =
          jdbc.queryForObject(
              """
              select min(o.status) from sportello.outbound_mail o
              join sportello.report_delivery_mail m on m.outbound_mail_id = o.id
              where m.delivery_id = ?""",
              String.class,
              deliveryId);
      if ("SENT".equals(status)) {
        return;
      }
    }
    throw new AssertionError("the mail of delivery " + deliveryId + " was not sent");
  }

  /** The message about the period in the recipient's mailbox, read over IMAP. */
  private MimeMessage received(String address, String period) throws Exception {
    Session session = Session.getInstance(new Properties());
    Store store = session.getStore("imap");
    store.connect(server.host(), server.imapPort(), address, address);
    try {
      Folder folder = store.getFolder("INBOX");
      folder.open(Folder.READ_ONLY);
      List<MimeMessage> found = new ArrayList<>();
      for (Message message : folder.getMessages()) {
        if (message.getSubject().endsWith(" " + period)) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          message.writeTo(out);
          found.add(new MimeMessage(session, new ByteArrayInputStream(out.toByteArray())));
        }
      }
      folder.close(false);
      assertThat(found).as("mail about %s to %s", period, address).hasSize(1);
      return found.get(0);
    } finally {
      store.close();
    }
  }

  private static Row rowOf(Sheet sheet, String code) {
    for (Row row : sheet) {
      if (row.getCell(0) != null && code.equals(row.getCell(0).getStringCellValue())) {
        return row;
      }
    }
    throw new AssertionError("no row " + code);
  }

  private static JsonNode byField(JsonNode items, String field, String value) {
    for (JsonNode item : items) {
      if (item.get(field).asText().equals(value)) {
        return item;
      }
    }
    throw new AssertionError("no " + field + "=" + value + " in " + items);
  }

  private String receive(String channel, String localTime) {
    pin(localTime);
    Map<String, Object> request = ticketRequest(fiscalCode(), "Invii programmati " + channel);
    request.put("channel", channel);
    ResponseEntity<JsonNode> created = post("/api/tickets", "api-client", request);
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("number").asText();
  }

  private void solve(String number, String localTime) {
    pin(localTime);
    JsonNode items = get("/api/tasks?businessKey=" + number, "operator1").getBody().get("items");
    assertThat(items).as("tasks of %s", number).hasSize(1);
    String task = items.get(0).get("id").asText();
    post("/api/tasks/" + task + "/claim", "operator1", null);
    assertThat(
            post(
                    "/api/tasks/" + task + "/complete",
                    "operator1",
                    Map.of("decision", "SOLVE", "answer", "Risposta"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  private void pin(String localTime) {
    clock.pin(LocalDateTime.parse(localTime).atZone(ROME).toInstant());
  }
}
