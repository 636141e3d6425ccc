package it.sportello.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.channel.phone.PhoneEvents;
import it.sportello.channel.phone.TelephonyEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * June 2031 (2 June is a national holiday) on the demo calendar, tickets opened and worked through
 * the API with the clock pinned; the report is made on 15 July. Expectations by hand:
 *
 * <pre>
 * ticket             received            taken in charge      solved               O.1   O.2   O.3
 * onTime   EMAIL     Tue 03 09:00        Tue 03 13:00 (4 h)   same                 met   met   met
 * late     WEB       Tue 03 09:00        Tue 03 13:00:01      same                 miss  met   met
 * holiday  PEC       Sun 01 10:00        Tue 03 12:00 (4 h)   same                 met   met   met
 * lastDay  WEB       Mon 30 19:00        Tue 01/07 11:00 (4h) same                 met   met   met
 * open     EMAIL     Wed 04 09:00        never                never                miss  miss  miss
 * paused   EMAIL     Thu 05 09:00        Thu 05 10:00 (1 h)   Wed 11 09:00         met   miss  met
 *          (waiting for the requester Thu 05 10:00 → Fri 06 10:00: 12 h of 54 do not count → 42 h)
 * phone    PHONE     Tue 03 09:00        not an offline channel: not counted
 * </pre>
 *
 * O.1 4/6 = 66.67% < 80 → 14 points × 500; O.2 4/6 → 14 × 500; O.3 5/6 = 83.33% < 100 → 17 × 1000.
 *
 * <p>Inbound calls of June, from the telephony platform's events:
 *
 * <pre>
 * call  outcome     wait   ticket                        C.1   C.2           C.3   C.4
 * c1    answered    10 s   onTime (solved at level 1)    met   met           met   met
 * c2    answered    30 s   late (solved at level 1)      met   missed        met   met
 * c3    answered    95 s   escalated (level 2, May)      met   missed, >90 s met   missed
 * c4    abandoned   40 s   -                             met   excl.         miss  excl.
 * c5    busy         -     -                             miss  excl.         excl. excl.
 * c6    answered     5 s   none linked                   met   met           met   excl. NO_TICKET
 * c7    answered in July: not counted
 * </pre>
 *
 * C.1 5/6 = 83.33% < 90 → 7 points × 500; C.2 2/4 = 50% under 30 s (40 points under 90), 3/4 = 75%
 * within 90 s (25 under 100) → 40 × 500; C.3 1/5 = 20% > 5 → 15 × 500; C.4 2/3 = 66.67% < 80 → 14 ×
 * 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlaReportIT extends IntegrationTest {

  private final List<String> numbers = new ArrayList<>();
  private String late;
  private String open;
  private String paused;
  private String phone;
  private String escalated;

  @Autowired private PhoneEvents phoneEvents;

  @BeforeAll
  void juneOfTickets() {
    escalated = receive("EMAIL", "2031-05-20T09:00");
    String onTime = receive("EMAIL", "2031-06-03T09:00");
    late = receive("WEB", "2031-06-03T09:00");
    String holiday = receive("PEC", "2031-06-01T10:00");
    open = receive("EMAIL", "2031-06-04T09:00");
    paused = receive("EMAIL", "2031-06-05T09:00");
    String lastDay = receive("WEB", "2031-06-30T19:00");
    phone = receive("PHONE", "2031-06-03T09:00");
    numbers.addAll(List.of(onTime, late, holiday, open, paused, lastDay));

    answeredCall("c1", "2031-06-03T10:00:00", 10, onTime);
    answeredCall("c2", "2031-06-03T10:05:00", 30, late);
    answeredCall("c3", "2031-06-03T10:10:00", 95, escalated);
    callEvent("c4-offered", "CALL_OFFERED", "c4", "2031-06-04T11:00:00");
    callEvent("c4-abandoned", "CALL_ABANDONED", "c4", "2031-06-04T11:00:40");
    callEvent("c5-rejected", "CALL_REJECTED", "c5", "2031-06-04T11:01:00");
    answeredCall("c6", "2031-06-05T09:00:00", 5, null);
    answeredCall("c7", "2031-07-01T09:00:00", 5, null);
    pin("2031-05-21T09:00");
    String escalation = taskId(escalated);
    post("/api/tasks/" + escalation + "/claim", "operator1", null);
    assertThat(
            post(
                    "/api/tasks/" + escalation + "/complete",
                    "operator1",
                    Map.of("decision", "ESCALATE", "note", "Serve verifica"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    solve(onTime, "2031-06-03T13:00");
    solve(late, "2031-06-03T13:00:01");
    solve(holiday, "2031-06-03T12:00");
    solve(lastDay, "2031-07-01T11:00");

    pin("2031-06-05T10:00");
    String task = taskId(paused);
    post("/api/tasks/" + task + "/claim", "operator1", null);
    assertThat(
            post(
                    "/api/tasks/" + task + "/complete",
                    "operator1",
                    Map.of("decision", "REQUEST_DATA", "missingData", "Numero di protocollo"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    pin("2031-06-06T10:00");
    assertThat(
            post(
                    "/api/tickets/" + paused + "/messages",
                    "api-client",
                    Map.of("text", "Protocollo 4711", "channel", "EMAIL"))
                .getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    solve(paused, "2031-06-11T09:00");
  }

  /** The report is made on 15 July; the base class releases the clock after each test. */
  @BeforeEach
  void reportDay() {
    pin("2031-07-15T12:00");
  }

  @Test
  void monthlyReportCountsTheMonthsOfflineTicketsOnTheServiceCalendar() {
    ResponseEntity<JsonNode> response = get("/api/reports/sla?month=2031-06", "supervisor");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode report = response.getBody();
    assertThat(report.get("month").asText()).isEqualTo("2031-06");
    assertThat(report.get("complete").asBoolean()).isTrue();
    assertThat(report.get("from").asText()).isEqualTo("2031-06-01T00:00:00+02:00");

    JsonNode o1 = sla(report, "SLA.O.1");
    assertThat(o1.get("volume").asLong()).isEqualTo(6);
    assertThat(o1.get("met").asLong()).isEqualTo(4);
    assertThat(o1.get("missed").asLong()).isEqualTo(2);
    assertThat(o1.get("value").decimalValue()).isEqualByComparingTo("66.67");
    assertThat(o1.get("adjustedThreshold").decimalValue()).isEqualByComparingTo("80");
    assertThat(o1.get("status").asText()).isEqualTo("MISSED");
    assertThat(o1.get("shortfallPoints").decimalValue()).isEqualByComparingTo("13.33");
    assertThat(o1.get("penaltyPoints").decimalValue()).isEqualByComparingTo("14");
    assertThat(o1.get("penalty").decimalValue()).isEqualByComparingTo("7000.00");

    JsonNode o2 = sla(report, "SLA.O.2");
    assertThat(o2.get("met").asLong()).isEqualTo(4);
    assertThat(o2.get("missed").asLong()).isEqualTo(2);
    assertThat(o2.get("penalty").decimalValue()).isEqualByComparingTo("7000.00");

    JsonNode o3 = sla(report, "SLA.O.3");
    assertThat(o3.get("met").asLong()).isEqualTo(5);
    assertThat(o3.get("missed").asLong()).isEqualTo(1);
    assertThat(o3.get("value").decimalValue()).isEqualByComparingTo("83.33");
    assertThat(o3.get("penaltyPoints").decimalValue()).isEqualByComparingTo("17");
    assertThat(o3.get("penalty").decimalValue()).isEqualByComparingTo("17000.00");

    assertThat(report.get("totalPenalty").decimalValue())
        .isEqualByComparingTo("69000.00")
        .as("31,000 offline + 3,500 + 20,000 + 7,500 + 7,000 phone");
    assertThat(o1.at("/breakdown/channel").findValuesAsText("key"))
        .containsExactly("EMAIL", "PEC", "WEB");
    JsonNode third = o1.at("/breakdown/day/1");
    assertThat(third.get("key").asText()).isEqualTo("2031-06-03");
    assertThat(third.get("met").asLong()).as("onTime").isEqualTo(1);
    assertThat(third.get("missed").asLong()).as("late").isEqualTo(1);
    assertThat(third.get("value").decimalValue()).isEqualByComparingTo("50.00");
    assertThat(o1.at("/breakdown/day").findValuesAsText("key"))
        .containsExactly("2031-06-01", "2031-06-03", "2031-06-04", "2031-06-05", "2031-06-30");
  }

  @Test
  void phoneLevelsCountTheMonthsInboundCalls() {
    JsonNode report = get("/api/reports/sla?month=2031-06", "auditor").getBody();

    JsonNode c1 = sla(report, "SLA.C.1");
    assertThat(c1.get("volume").asLong()).isEqualTo(6);
    assertThat(c1.get("met").asLong()).isEqualTo(5);
    assertThat(c1.get("missed").asLong()).isEqualTo(1);
    assertThat(c1.get("value").decimalValue()).isEqualByComparingTo("83.33");
    assertThat(c1.get("status").asText()).isEqualTo("MISSED");
    assertThat(c1.get("penalty").decimalValue()).isEqualByComparingTo("3500.00");

    JsonNode c2 = sla(report, "SLA.C.2");
    assertThat(c2.get("met").asLong()).isEqualTo(2);
    assertThat(c2.get("missed").asLong()).isEqualTo(2);
    assertThat(c2.get("excluded").asLong()).isEqualTo(2);
    assertThat(c2.at("/excludedByReason/LINE_BUSY").asLong()).isEqualTo(1);
    assertThat(c2.at("/excludedByReason/NOT_ANSWERED").asLong()).isEqualTo(1);
    assertThat(c2.get("value").decimalValue()).isEqualByComparingTo("50.00");
    assertThat(c2.get("overLimit").asLong()).isEqualTo(1);
    assertThat(c2.get("withinLimit").decimalValue()).isEqualByComparingTo("75.00");
    assertThat(c2.get("shortfallPoints").decimalValue()).isEqualByComparingTo("40.00");
    assertThat(c2.get("penalty").decimalValue()).isEqualByComparingTo("20000.00");

    JsonNode c3 = sla(report, "SLA.C.3");
    assertThat(c3.get("comparison").asText()).isEqualTo("AT_MOST");
    assertThat(c3.get("met").asLong()).isEqualTo(4);
    assertThat(c3.get("missed").asLong()).as("abandoned").isEqualTo(1);
    assertThat(c3.get("value").decimalValue()).isEqualByComparingTo("20.00");
    assertThat(c3.get("penalty").decimalValue()).isEqualByComparingTo("7500.00");

    JsonNode c4 = sla(report, "SLA.C.4");
    assertThat(c4.get("met").asLong()).isEqualTo(2);
    assertThat(c4.get("missed").asLong()).isEqualTo(1);
    assertThat(c4.at("/excludedByReason/NO_TICKET").asLong()).isEqualTo(1);
    assertThat(c4.get("value").decimalValue()).isEqualByComparingTo("66.67");
    assertThat(c4.get("penalty").decimalValue()).isEqualByComparingTo("7000.00");
  }

  @Test
  void theCallsBehindAPhoneFigureAreOneCallAway() {
    JsonNode missed =
        get("/api/reports/sla/calls?month=2031-06&sla=SLA.C.2&result=MISSED", "auditor").getBody();
    assertThat(missed.get("totalElements").asLong()).isEqualTo(2);
    assertThat(missed.get("items").findValuesAsText("callId")).containsExactly("c2", "c3");
    assertThat(missed.get("items").get(1).get("waitSeconds").asInt()).isEqualTo(95);
    assertThat(missed.get("items").get(1).get("overLimit").asBoolean()).isTrue();

    JsonNode firstContact =
        get("/api/reports/sla/calls?month=2031-06&sla=SLA.C.4&result=MISSED", "supervisor")
            .getBody();
    assertThat(firstContact.get("items").findValuesAsText("ticketNumber"))
        .containsExactly(escalated);
    assertThat(firstContact.get("items").get(0).get("ticketLevel").asInt()).isEqualTo(2);

    ResponseEntity<JsonNode> wrongKind =
        get("/api/reports/sla/calls?month=2031-06&sla=SLA.O.1", "supervisor");
    assertThat(wrongKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrongKind.getBody().get("errors").findValuesAsText("field")).containsExactly("sla");
    assertThat(
            get("/api/reports/sla/tickets?month=2031-06&sla=SLA.C.1", "supervisor").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    String[] lines =
        new String(
                download("/api/reports/sla/calls.csv?month=2031-06", "auditor").getBody(),
                StandardCharsets.UTF_8)
            .split("\r\n");
    assertThat(lines[0]).startsWith("SLA,Call,Queue");
    assertThat(lines).hasSize(1 + 6 * 4).anyMatch(line -> line.startsWith("SLA.C.1,c5,general,"));
  }

  @Test
  void theTicketsBehindAFigureAreOneCallAway() {
    JsonNode missed =
        get("/api/reports/sla/tickets?month=2031-06&sla=SLA.O.1&result=MISSED", "auditor")
            .getBody();
    assertThat(missed.get("totalElements").asLong()).isEqualTo(2);
    assertThat(missed.get("items").findValuesAsText("number")).containsExactly(late, open);
    assertThat(missed.get("items").get(0).get("workingTime").asText()).isEqualTo("PT4H1S");
    assertThat(missed.get("items").get(1).get("reason").asText()).isEqualTo("OPEN_OVERDUE");

    JsonNode o3 = get("/api/reports/sla/tickets?month=2031-06&sla=SLA.O.3", "supervisor").getBody();
    JsonNode pausedRow = row(o3, paused);
    assertThat(pausedRow.get("result").asText()).isEqualTo("MET");
    assertThat(pausedRow.get("pausedWorkingTime").asText()).isEqualTo("PT12H");
    assertThat(pausedRow.get("workingTime").asText()).isEqualTo("PT42H");
    assertThat(o3.get("items").findValuesAsText("number")).doesNotContain(phone);

    JsonNode paged =
        get("/api/reports/sla/tickets?month=2031-06&sla=SLA.O.1&size=4&page=1", "supervisor")
            .getBody();
    assertThat(paged.get("totalElements").asLong()).isEqualTo(6);
    assertThat(paged.get("totalPages").asLong()).isEqualTo(2);
    assertThat(paged.get("items")).hasSize(2);
  }

  @Test
  void excelExportHasTheSameNumbersAndEveryTicket() throws Exception {
    ResponseEntity<byte[]> response = download("/api/reports/sla.xlsx?month=2031-06", "auditor");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().toString())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
      Sheet summary = workbook.getSheet("SLA");
      assertThat(summary.getRow(1).getCell(0).getStringCellValue()).isEqualTo("SLA");
      Row o1 = summary.getRow(2);
      assertThat(o1.getCell(0).getStringCellValue()).isEqualTo("SLA.O.1");
      assertThat(o1.getCell(2).getNumericCellValue()).isEqualTo(4.0);
      assertThat(o1.getCell(3).getNumericCellValue()).isEqualTo(80.0);
      assertThat(o1.getCell(5).getNumericCellValue()).isEqualTo(6.0);
      assertThat(o1.getCell(7).getNumericCellValue()).isEqualTo(80.0);
      assertThat(o1.getCell(8).getNumericCellValue()).isEqualTo(4.0);
      assertThat(o1.getCell(9).getNumericCellValue()).isEqualTo(2.0);
      assertThat(o1.getCell(11).getNumericCellValue()).isEqualTo(66.67);
      assertThat(o1.getCell(12).getStringCellValue()).isEqualTo("MISSED");
      assertThat(o1.getCell(14).getNumericCellValue()).isEqualTo(14.0);
      assertThat(o1.getCell(15).getNumericCellValue()).isEqualTo(7000.0);
      Row o3 = summary.getRow(4);
      assertThat(o3.getCell(0).getStringCellValue()).isEqualTo("SLA.O.3");
      assertThat(o3.getCell(15).getNumericCellValue()).isEqualTo(17000.0);
      Row c2 = summary.getRow(6);
      assertThat(c2.getCell(0).getStringCellValue()).isEqualTo("SLA.C.2");
      assertThat(c2.getCell(11).getNumericCellValue()).isEqualTo(50.0);
      assertThat(c2.getCell(15).getNumericCellValue()).isEqualTo(20000.0);
      assertThat(c2.getCell(16).getNumericCellValue()).isEqualTo(30.0);
      assertThat(c2.getCell(17).getNumericCellValue()).isEqualTo(90.0);
      assertThat(c2.getCell(18).getNumericCellValue()).isEqualTo(1.0);
      assertThat(c2.getCell(19).getNumericCellValue()).isEqualTo(75.0);

      Sheet calls = workbook.getSheet("Calls");
      assertThat(calls.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Call");
      assertThat(calls.getLastRowNum()).as("6 calls × 4 phone SLAs").isEqualTo(24);
      boolean seen = false;
      for (Row row : calls) {
        if (row.getRowNum() > 0
            && row.getCell(0).getStringCellValue().equals("SLA.C.2")
            && row.getCell(1).getStringCellValue().equals("c3")) {
          assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(95.0);
          assertThat(row.getCell(11).getStringCellValue()).isEqualTo("MISSED");
          assertThat(row.getCell(13).getStringCellValue()).isEqualTo("yes");
          seen = true;
        }
      }
      assertThat(seen).as("c3 against SLA.C.2 in sheet Calls").isTrue();

      Sheet tickets = workbook.getSheet("Tickets");
      assertThat(tickets.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Ticket");
      List<String> rows = new ArrayList<>();
      for (Row row : tickets) {
        if (row.getRowNum() > 0) {
          rows.add(row.getCell(0).getStringCellValue() + " " + row.getCell(1).getStringCellValue());
          if (row.getCell(0).getStringCellValue().equals("SLA.O.3")
              && row.getCell(1).getStringCellValue().equals(paused)) {
            assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(42.0);
            assertThat(row.getCell(10).getNumericCellValue()).isEqualTo(12.0);
            assertThat(row.getCell(11).getStringCellValue()).isEqualTo("MET");
          }
        }
      }
      assertThat(rows).hasSize(18).contains("SLA.O.1 " + late, "SLA.O.3 " + paused);

      Sheet days = workbook.getSheet("Days");
      assertThat(days.getRow(3).getCell(0).getStringCellValue()).isEqualTo("2031-06-03");
      assertThat(days.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(3.0);
      Row total = days.getRow(31);
      assertThat(total.getCell(0).getStringCellValue()).isEqualTo("Total");
      assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(7.0);
      assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(4.0);
      assertThat(workbook.getSheet("Hour bands").getRow(10).getCell(2).getNumericCellValue())
          .as("09:00-09:59")
          .isEqualTo(5.0);
      assertThat(workbook.getSheet("Outcomes").getRow(1).getCell(0).getStringCellValue())
          .isEqualTo("SOLVED");
      assertThat(workbook.getSheet("Backlog")).isNotNull();
    }
  }

  @Test
  void csvExportListsEveryTicketResult() {
    ResponseEntity<byte[]> response = download("/api/reports/sla.csv?month=2031-06", "supervisor");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    String[] lines = new String(response.getBody(), StandardCharsets.UTF_8).split("\r\n");
    assertThat(lines[0]).startsWith("SLA,Ticket,Channel");
    assertThat(lines).hasSize(19);
    assertThat(lines).anyMatch(line -> line.startsWith("SLA.O.1," + late + ",WEB,"));
  }

  @Test
  void aBadMonthIsAProblemNamingTheField() {
    ResponseEntity<JsonNode> response = get("/api/reports/sla?month=2031-13", "supervisor");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly("month");
    assertThat(
            get("/api/reports/sla/tickets?month=2031-06&sla=SLA.X&result=LATE", "supervisor")
                .getBody()
                .get("errors")
                .findValuesAsText("field"))
        .containsExactly("result", "sla");
  }

  @Test
  void onlySupervisorsAdministratorsAndAuditorsSeeReports() {
    assertThat(get("/api/reports/sla?month=2031-06", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(download("/api/reports/sla.xlsx?month=2031-06", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("/api/reports/sla?month=2031-06", "api-client").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("/api/reports/sla?month=2031-06", null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("/api/reports/sla?month=2031-06", "admin").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("/api/reports/sla?month=2031-06", "auditor").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("/api/tickets/" + late, "auditor").getStatusCode())
        .as("auditors see reports, not the tickets' content")
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void activityReportCountsTheMonthByDayHourChannelOutcomeAndAge() {
    JsonNode report =
        get("/api/reports/activity?from=2031-06-01&to=2031-06-30", "auditor").getBody();

    assertThat(report.get("received").asLong()).isEqualTo(7);
    assertThat(report.get("closed").asLong()).as("lastDay closes in July").isEqualTo(4);
    assertThat(report.get("days")).hasSize(30);
    assertThat(day(report, "2031-06-03")).containsExactly(3L, 3L);
    assertThat(day(report, "2031-06-01")).containsExactly(1L, 0L);
    assertThat(day(report, "2031-06-11")).containsExactly(0L, 1L);
    assertThat(report.get("hourBands").get(9).get("received").asLong()).isEqualTo(5);
    assertThat(report.get("hourBands").get(10).get("received").asLong()).isEqualTo(1);
    assertThat(report.get("hourBands").get(19).get("received").asLong()).isEqualTo(1);
    assertThat(report.get("byChannel").get("EMAIL").asLong()).isEqualTo(3);
    assertThat(report.get("byChannel").get("PHONE").asLong()).isEqualTo(1);
    assertThat(report.get("outcomes").get("SOLVED").asLong()).isEqualTo(4);
    assertThat(report.get("solvedAtLevel").get("1").asLong()).isEqualTo(4);
    // received in June and solved after 4 h, 4 h 0 min 1 s, 16 h (lastDay, on 1 July), 50 h
    // (holiday), 144 h (paused): median 16 h; open and phone are not solved
    JsonNode toResolve = report.get("toResolve");
    assertThat(toResolve.get("tickets").asLong()).isEqualTo(5);
    assertThat(toResolve.get("medianHours").asDouble()).isEqualTo(16.0);
    assertThat(report.get("toTakeInCharge").get("tickets").asLong()).isEqualTo(5);
    JsonNode backlog = report.get("backlog");
    long ageing = 0;
    for (JsonNode bucket : backlog.get("ageing")) {
      ageing += bucket.asLong();
    }
    assertThat(ageing).isEqualTo(backlog.get("open").asLong());
    assertThat(backlog.get("ageing").get(">30d").asLong())
        .as("open and phone, received in early June, still open on 15 July")
        .isGreaterThanOrEqualTo(2);

    JsonNode email =
        get("/api/reports/activity?from=2031-06-01&to=2031-06-30&channel=EMAIL", "supervisor")
            .getBody();
    assertThat(email.get("received").asLong()).isEqualTo(3);
    assertThat(email.get("byChannel").size()).isEqualTo(1);
  }

  @Test
  void activityReportNamesTheBadParameters() {
    ResponseEntity<JsonNode> response =
        get("/api/reports/activity?from=2031-06-31&to=2031-05-01&channel=TELEX", "supervisor");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("from", "channel");
    assertThat(
            get("/api/reports/activity?from=2031-06-10&to=2031-06-01", "supervisor")
                .getBody()
                .get("errors")
                .findValuesAsText("field"))
        .containsExactly("to");
    assertThat(get("/api/reports/activity", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private static List<Long> day(JsonNode report, String date) {
    for (JsonNode day : report.get("days")) {
      if (day.get("date").asText().equals(date)) {
        return List.of(day.get("received").asLong(), day.get("closed").asLong());
      }
    }
    throw new AssertionError("no " + date + " in " + report.get("days"));
  }

  /**
   * Offered at {@code localTime} to queue general, answered after the wait, ended a minute later.
   */
  private void answeredCall(String callId, String localTime, int waitSeconds, String ticket) {
    OffsetDateTime offered = OffsetDateTime.parse(localTime + "+02:00");
    callEvent(callId + "-offered", "CALL_OFFERED", callId, localTime);
    phoneEvents.accept(
        event(
            callId + "-answered",
            "CALL_ANSWERED",
            callId,
            offered.plusSeconds(waitSeconds),
            "operator1"),
        "sha-" + callId + "-answered",
        "test");
    if (ticket != null) {
      assertThat(
              post(
                      "/api/phone/calls/" + callId + "/ticket",
                      "operator1",
                      Map.of("ticketNumber", ticket))
                  .getStatusCode())
          .isEqualTo(HttpStatus.OK);
    }
    phoneEvents.accept(
        event(callId + "-ended", "CALL_ENDED", callId, offered.plusSeconds(waitSeconds + 60), null),
        "sha-" + callId + "-ended",
        "test");
  }

  private void callEvent(String eventId, String kind, String callId, String localTime) {
    phoneEvents.accept(
        event(eventId, kind, callId, OffsetDateTime.parse(localTime + "+02:00"), null),
        "sha-" + eventId,
        "test");
  }

  /** An event as the platform reports it when it happens: the clock is pinned to its time. */
  private TelephonyEvent event(
      String eventId, String kind, String callId, OffsetDateTime at, String agent) {
    clock.pin(at.toInstant());
    Map<String, Object> event = new java.util.HashMap<>();
    event.put("eventId", eventId);
    event.put("kind", kind);
    event.put("callId", callId);
    event.put("occurredAt", at.toInstant().toString());
    event.put("queue", "general");
    if (agent != null) {
      event.put("agent", agent);
    }
    return json.convertValue(event, TelephonyEvent.class);
  }

  private String receive(String channel, String localTime) {
    pin(localTime);
    Map<String, Object> request = ticketRequest(fiscalCode(), "Livelli di servizio " + channel);
    request.put("channel", channel);
    ResponseEntity<JsonNode> created = post("/api/tickets", "api-client", request);
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("number").asText();
  }

  private void solve(String number, String localTime) {
    pin(localTime);
    String task = taskId(number);
    post("/api/tasks/" + task + "/claim", "operator1", null);
    assertThat(
            post(
                    "/api/tasks/" + task + "/complete",
                    "operator1",
                    Map.of("decision", "SOLVE", "answer", "Risposta"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  private String taskId(String number) {
    JsonNode items = get("/api/tasks?businessKey=" + number, "operator1").getBody().get("items");
    assertThat(items).as("tasks of %s", number).hasSize(1);
    return items.get(0).get("id").asText();
  }

  private void pin(String localTime) {
    clock.pin(
        OffsetDateTime.parse(localTime + (localTime.length() == 16 ? ":00" : "") + "+02:00")
            .toInstant());
  }

  private ResponseEntity<byte[]> download(String path, String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }

  private static JsonNode sla(JsonNode report, String code) {
    for (JsonNode sla : report.get("slas")) {
      if (sla.get("code").asText().equals(code)) {
        return sla;
      }
    }
    throw new AssertionError("no " + code + " in " + report);
  }

  private static JsonNode row(JsonNode page, String number) {
    for (JsonNode item : page.get("items")) {
      if (item.get("number").asText().equals(number)) {
        return item;
      }
    }
    throw new AssertionError("no " + number + " in " + page);
  }
}
