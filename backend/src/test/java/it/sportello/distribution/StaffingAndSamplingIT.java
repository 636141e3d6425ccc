package it.sportello.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.document.Documents;
import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The staffing forecast (item 6) and the sampling of recordings (item 7) through the API, on calls
 * and recordings of their own far in the future, so that other tests' data stays out of them.
 */
class StaffingAndSamplingIT extends IntegrationTest {

  static final ZoneId ROME = ZoneId.of("Europe/Rome");

  @Autowired JdbcTemplate jdbc;
  @Autowired Documents documents;

  /**
   * Eight weeks of calls before the week of 2031-06-02, the same every week: weekdays 9–17, 20
   * calls an hour, 30 at 10 and 11, each answered and talked 180 s.
   */
  private void callHistory(String tag) {
    LocalDate monday = LocalDate.of(2031, 6, 2);
    List<Object[]> rows = new ArrayList<>();
    for (LocalDate day = monday.minusWeeks(8); day.isBefore(monday); day = day.plusDays(1)) {
      if (day.getDayOfWeek().getValue() > 5) {
        continue;
      }
      for (int hour = 9; hour < 17; hour++) {
        int calls = hour == 10 || hour == 11 ? 30 : 20;
        for (int i = 0; i < calls; i++) {
          var offered = day.atTime(hour, i).atZone(ROME).toInstant();
          rows.add(
              new Object[] {
                tag + "-" + day + "-" + hour + "-" + i,
                Timestamp.from(offered),
                Timestamp.from(offered.plusSeconds(10)),
                Timestamp.from(offered.plusSeconds(190))
              });
        }
      }
    }
    jdbc.batchUpdate(
        """
        insert into sportello.phone_call (call_id, direction, queue, offered_at, answered_at, ended_at,
          wait_seconds, talk_seconds, outcome)
        values (?, 'INBOUND', 'general', ?, ?, ?, 10, 180, 'ANSWERED')
        """,
        rows);
  }

  @Test
  void theForecastRecoversTheWeeklyPatternAndStaffsThePhoneByErlangC() throws Exception {
    callHistory("staffing-" + UUID.randomUUID());

    ResponseEntity<JsonNode> response =
        get("/api/distribution/staffing?week=2031-06-04", "supervisor");

    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode forecast = response.getBody();
    assertThat(forecast.path("weekStart").asText()).isEqualTo("2031-06-02");
    assertThat(forecast.path("callHandlingSeconds").asDouble()).isEqualTo(180.0);
    JsonNode mondayTen = band(forecast, "2031-06-02", 10);
    JsonNode mondayNine = band(forecast, "2031-06-02", 9);
    JsonNode sundayTen = band(forecast, "2031-06-08", 10);
    assertThat(mondayTen.path("volumes").path("PHONE").asDouble()).isEqualTo(30.0);
    assertThat(mondayNine.path("volumes").path("PHONE").asDouble()).isEqualTo(20.0);
    assertThat(sundayTen.path("volumes").path("PHONE").asDouble()).isZero();
    // 30 calls × 180 s in an hour: 1.5 Erlangs; 90% within 30 s needs 4 operators
    assertThat(mondayTen.path("phoneOperators").asInt())
        .isEqualTo(ErlangC.agentsFor(30, 180, 3600, 0.9, 30))
        .isEqualTo(4);
    assertThat(sundayTen.path("phoneOperators").asInt()).isZero();
    // the past weeks: the same pattern every week, so the forecast was exact
    assertThat(forecast.path("pastWeeks")).hasSize(4);
    for (JsonNode week : forecast.path("pastWeeks")) {
      assertThat(week.path("mape").path("PHONE").asDouble()).isLessThan(10.0);
      assertThat(week.path("actual").path("PHONE").asDouble()).isEqualTo(5 * (6 * 20 + 2 * 30));
    }

    assertThat(get("/api/distribution/staffing?week=2031-06-04", "manager1").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("/api/distribution/staffing", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<byte[]> xlsx =
        bytes("/api/distribution/staffing.xlsx?week=2031-06-02", "supervisor");
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(xlsx.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .contains("staffing-2031-06-02.xlsx");
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      var sheet = workbook.getSheet("Forecast");
      // row 1 + 10: Monday 10:00
      assertThat(sheet.getRow(11).getCell(1).getStringCellValue()).isEqualTo("10:00");
      assertThat(workbook.getSheet("Past weeks").getPhysicalNumberOfRows()).isGreaterThan(4);
    }
  }

  private static JsonNode band(JsonNode forecast, String day, int hour) {
    for (JsonNode band : forecast.path("bands")) {
      if (band.path("day").asText().equals(day) && band.path("hour").asInt() == hour) {
        return band;
      }
    }
    throw new AssertionError("no band " + day + " " + hour);
  }

  /** Twelve recorded calls of a queue of their own, with the agent and the caller's number. */
  private String recordings(Map<Long, byte[]> audioByRecording) {
    String queue = "smp" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 12; i++) {
      var at = LocalDate.of(2031, 3, 2 + i).atTime(11, 0).atZone(ROME).toInstant();
      Long call =
          jdbc.queryForObject(
              """
              insert into sportello.phone_call (call_id, direction, queue, caller_number, offered_at, answered_at,
                ended_at, wait_seconds, talk_seconds, agent, outcome, ticket_number)
              values (?, 'INBOUND', ?, '+393331234567', ?, ?, ?, 5, 60, 'operator1', 'ANSWERED', 'Q-2031-SECRET')
              returning id
              """,
              Long.class,
              queue + "-" + i,
              queue,
              Timestamp.from(at),
              Timestamp.from(at.plusSeconds(5)),
              Timestamp.from(at.plusSeconds(65)));
      byte[] audio = ("RIFF fake audio " + i + " " + queue).getBytes();
      long document = documents.store("rec-" + i + ".wav", audio).id();
      Long recording =
          jdbc.queryForObject(
              """
              insert into sportello.phone_recording (call_id, recording_ref, media_type, duration_seconds, recorded_at, stored_at)
              values (?, ?, 'audio/wav', 60, ?, now()) returning id
              """,
              Long.class,
              call,
              "document:" + document,
              Timestamp.from(at));
      audioByRecording.put(recording, audio);
    }
    return queue;
  }

  private ResponseEntity<JsonNode> draw(String user, String queue, Long seed) {
    var body = new java.util.HashMap<String, Object>();
    body.put("from", "2031-03-01");
    body.put("to", "2031-03-31");
    body.put("queue", queue);
    body.put("size", 5);
    if (seed != null) {
      body.put("seed", seed);
    }
    return post("/api/distribution/recording-samples", user, body);
  }

  private static List<String> opaqueIds(JsonNode sample) {
    List<String> ids = new ArrayList<>();
    sample.path("items").forEach(item -> ids.add(item.path("opaqueId").asText()));
    return ids;
  }

  @Test
  void aSampleIsReproducibleFromItsSeedHidesIdentitiesAndLogsEveryListening() throws Exception {
    Map<Long, byte[]> audio = new java.util.HashMap<>();
    String queue = recordings(audio);

    ResponseEntity<JsonNode> first = draw("supervisor", queue, 20310301L);
    assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(first.getBody().path("population").asInt()).isEqualTo(12);
    assertThat(first.getBody().path("items")).hasSize(5);
    String shown = first.getBody().toString();
    assertThat(shown)
        .doesNotContain("operator1")
        .doesNotContain("3331234567")
        .doesNotContain("Q-2031-SECRET")
        .doesNotContain("document:");

    // same seed and filters (here by the customer's auditor): the same sample
    ResponseEntity<JsonNode> again = draw("auditor", queue, 20310301L);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(opaqueIds(again.getBody())).isEqualTo(opaqueIds(first.getBody()));
    assertThat(opaqueIds(draw("supervisor", queue, 7L).getBody()))
        .isNotEqualTo(opaqueIds(first.getBody()));
    // without a seed one is chosen and shown
    assertThat(draw("supervisor", queue, null).getBody().path("seed").asLong()).isPositive();

    long sampleId = first.getBody().path("id").asLong();
    String opaque = opaqueIds(first.getBody()).get(0);
    ResponseEntity<byte[]> listened =
        bytes(
            "/api/distribution/recording-samples/" + sampleId + "/items/" + opaque + "/audio",
            "auditor");
    assertThat(listened.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(listened.getHeaders().getContentType().toString()).isEqualTo("audio/wav");
    assertThat(listened.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .contains(opaque + ".wav")
        .doesNotContain(queue);
    assertThat(audio.values()).anySatisfy(bytes -> assertThat(listened.getBody()).isEqualTo(bytes));

    JsonNode log =
        get("/api/distribution/recording-listenings?sample=" + sampleId, "auditor").getBody();
    assertThat(log).hasSize(1);
    assertThat(log.get(0).path("listenedBy").asText()).isEqualTo("auditor");
    assertThat(log.get(0).path("opaqueId").asText()).isEqualTo(opaque);

    // an unknown item, a bad request, someone without the right
    assertThat(
            bytes(
                    "/api/distribution/recording-samples/"
                        + sampleId
                        + "/items/"
                        + UUID.randomUUID()
                        + "/audio",
                    "supervisor")
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    var bad =
        post(
            "/api/distribution/recording-samples",
            "supervisor",
            Map.of("from", "2031-03-01", "to", "2031-03-31", "size", 0));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().toString()).contains("size");
    assertThat(draw("operator1", queue, 1L).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("/api/distribution/recording-listenings", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theMonthlyWorkbookShowsPresenceToSupervisorsAndManagersOnly() throws Exception {
    assertThat(
            call(
                    HttpMethod.PUT,
                    "/api/me/presence",
                    "operator2",
                    Map.of("state", "PAUSED", "reason", "LUNCH"))
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    String month = java.time.YearMonth.now(ROME).toString();

    ResponseEntity<byte[]> managers = bytes("/api/reports/sla.xlsx?month=" + month, "manager1");
    assertThat(managers.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(managers.getBody()))) {
      var sheet = workbook.getSheet("Presence");
      assertThat(sheet).isNotNull();
      List<String> header = new ArrayList<>();
      sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
      assertThat(header).contains("Operator", "PAUSED (hours)", "Paused: LUNCH (hours)");
      List<String> operators = new ArrayList<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        operators.add(sheet.getRow(r).getCell(0).getStringCellValue());
      }
      assertThat(operators).contains("operator2");
    }
    ResponseEntity<byte[]> auditors = bytes("/api/reports/sla.xlsx?month=" + month, "auditor");
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(auditors.getBody()))) {
      assertThat(workbook.getSheet("Presence")).isNull();
      assertThat(workbook.getSheet("SLA")).isNotNull();
    }
    call(HttpMethod.PUT, "/api/me/presence", "operator2", Map.of("state", "OFFLINE"));
  }

  private ResponseEntity<byte[]> bytes(String path, String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }
}
