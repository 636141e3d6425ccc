package it.sportello.kb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.search.SearchIndex;
import it.sportello.search.SearchNodes;
import it.sportello.search.embedded.EmbeddedSearchNode;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * KB usage end to end on the demo articles: operators and citizens read and search through the real
 * endpoints (the search node as in {@link KnowledgeBaseIT}), give opinions, and the KB usage report
 * (JSON and the Excel sheet) counts exactly that. The clock is pinned to February 2034, a month no
 * other test writes usage in.
 */
class KbUsageIT extends IntegrationTest {

  private static final Instant DAY_1 = Instant.parse("2034-02-14T10:00:00Z");
  private static final Instant DAY_2 = Instant.parse("2034-02-15T16:30:00Z");
  private static final String GAP = "zzqxj wvkyp";

  @Autowired EmbeddedSearchNode node;
  @Autowired SearchIndex searchIndex;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void searchNodeIsUpAndTheIndexInStep() throws Exception {
    SearchNodes.upAndInStep(node, searchIndex);
  }

  @Test
  void readsSearchesAndOpinionsAreCountedInTheReport() throws Exception {
    long tari = article("demo-tari-pagamento");
    long residence = article("demo-certificato-residenza");
    long refund = article("demo-tari-rimborso");

    clock.pin(DAY_1);
    assertThat(get("/api/kb/articles/" + tari, "operator1").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("/api/public/kb/articles/" + tari, null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("/api/public/kb/articles/" + tari, null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("/api/public/kb/articles/" + residence, null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("/api/public/kb/articles/" + refund, null).getStatusCode())
        .as("a front-office article is not read by citizens, nor counted")
        .isEqualTo(HttpStatus.NOT_FOUND);

    JsonNode found = get("/api/public/kb/search?q=pagamento tari", null).getBody();
    assertThat(found.path("total").asLong()).isPositive();
    assertThat(get("/api/public/kb/search?q=" + GAP, null).getBody().path("total").asLong())
        .isZero();
    assertThat(get("/api/public/kb/search?q=  ZZQXJ   wvkyp ", null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("/api/kb/search?q=Zzqxj Wvkyp", "operator1").getBody().path("total").asLong())
        .isZero();

    assertThat(feedback("/api/kb/articles/" + tari, "operator1", Map.of("helpful", true)))
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            feedback(
                "/api/kb/articles/" + tari,
                "operator1",
                Map.of("helpful", false, "comment", "Manca la scadenza della seconda rata")))
        .as("the operator changes their mind: one opinion per operator and version")
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            feedback(
                "/api/public/kb/articles/" + tari,
                null,
                Map.of("helpful", true, "comment", "Chiaro, grazie")))
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(feedback("/api/public/kb/articles/" + residence, null, Map.of("helpful", false)))
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(feedback("/api/public/kb/articles/" + refund, null, Map.of("helpful", true)))
        .isEqualTo(HttpStatus.NOT_FOUND);

    clock.pin(DAY_2);
    assertThat(get("/api/kb/articles/" + refund, "operator1").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    clock.release();

    assertThat(
            jdbc.queryForList(
                "select user_id from sportello.kb_view where article_id = ? and side = 'PUBLIC'"
                    + " and occurred_at = ?",
                String.class,
                tari,
                java.sql.Timestamp.from(DAY_1)))
        .as("citizens are recorded without any personal data")
        .containsOnlyNulls()
        .hasSize(2);

    ResponseEntity<JsonNode> response =
        get("/api/reports/kb-usage?from=2034-02-01&to=2034-02-28", "supervisor");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode report = response.getBody();
    JsonNode totals = report.path("totals");
    assertThat(totals.path("internalViews").asLong()).isEqualTo(2);
    assertThat(totals.path("publicViews").asLong()).isEqualTo(3);
    assertThat(totals.path("searches").asLong()).isEqualTo(4);
    assertThat(totals.path("searchesWithoutResults").asLong()).isEqualTo(3);
    assertThat(totals.path("helpful").asLong()).isEqualTo(1);
    assertThat(totals.path("notHelpful").asLong()).isEqualTo(2);
    assertThat(totals.path("helpfulPercent").asDouble()).isEqualTo(33.3);

    assertThat(report.path("days")).hasSize(28);
    JsonNode day1 = report.path("days").get(13);
    assertThat(day1.path("date").asText()).isEqualTo("2034-02-14");
    assertThat(day1.path("internalViews").asLong()).isEqualTo(1);
    assertThat(day1.path("publicViews").asLong()).isEqualTo(3);
    assertThat(day1.path("searches").asLong()).isEqualTo(4);
    JsonNode day2 = report.path("days").get(14);
    assertThat(day2.path("internalViews").asLong()).isEqualTo(1);
    assertThat(day2.path("publicViews").asLong()).isZero();

    JsonNode top = report.path("topArticles");
    assertThat(top).hasSize(3);
    assertThat(top.get(0).path("id").asLong()).isEqualTo(tari);
    assertThat(top.get(0).path("title").asText()).isEqualTo("Come pagare la TARI");
    assertThat(top.get(0).path("categoryCode").asText()).isEqualTo("tari");
    assertThat(top.get(0).path("views").asLong()).isEqualTo(3);
    assertThat(top.get(0).path("helpful").asLong()).isEqualTo(1);
    assertThat(top.get(0).path("notHelpful").asLong()).isEqualTo(1);
    assertThat(top.get(0).path("helpfulPercent").asDouble()).isEqualTo(50.0);
    List<Long> others = new ArrayList<>();
    top.forEach(row -> others.add(row.path("id").asLong()));
    assertThat(others.subList(1, 3)).containsExactlyInAnyOrder(residence, refund);
    JsonNode residenceRow = top.get(others.indexOf(residence));
    assertThat(residenceRow.path("views").asLong()).isEqualTo(1);
    assertThat(residenceRow.path("helpfulPercent").asDouble()).isZero();
    assertThat(top.get(others.indexOf(refund)).path("helpfulPercent").isNumber())
        .as("no opinions: no share")
        .isFalse();

    JsonNode gaps = report.path("unansweredQueries");
    assertThat(gaps).hasSize(1);
    assertThat(gaps.get(0).path("query").asText()).isEqualTo(GAP);
    assertThat(gaps.get(0).path("searches").asLong()).isEqualTo(3);

    JsonNode topics = report.path("topics");
    assertThat(topics).hasSize(2);
    assertThat(topics.get(0).path("code").asText()).isEqualTo("tributi");
    assertThat(topics.get(0).path("views").asLong()).isEqualTo(4);
    assertThat(topics.get(1).path("code").asText()).isEqualTo("anagrafe");
    assertThat(topics.get(1).path("views").asLong()).isEqualTo(1);

    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("auditor", "demo");
    ResponseEntity<byte[]> xlsx =
        rest.exchange(
            "/api/reports/sla.xlsx?month=2034-02",
            HttpMethod.GET,
            new HttpEntity<>(headers),
            byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      Sheet sheet = workbook.getSheet("KB usage");
      assertThat(sheet).isNotNull();
      Map<String, Double> figures = new HashMap<>();
      for (int r = 1; r <= 7; r++) {
        Row row = sheet.getRow(r);
        figures.put(row.getCell(0).getStringCellValue(), row.getCell(1).getNumericCellValue());
      }
      assertThat(figures)
          .containsEntry("Articles read by operators", 2.0)
          .containsEntry("Articles read by citizens", 3.0)
          .containsEntry("Searches without results", 3.0);
    }
  }

  @Test
  void badOpinionsAndBadPeriodsAreRefusedNamingTheFieldAndOperatorsGetNoReport() {
    long tari = article("demo-tari-pagamento");
    ResponseEntity<JsonNode> noAnswer =
        post("/api/kb/articles/" + tari + "/feedback", "operator1", Map.of("comment", "boh"));
    assertThat(noAnswer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noAnswer.getBody().path("errors").get(0).path("field").asText())
        .isEqualTo("helpful");
    ResponseEntity<JsonNode> tooLong =
        post(
            "/api/public/kb/articles/" + tari + "/feedback",
            null,
            Map.of("helpful", false, "comment", "x".repeat(1001)));
    assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooLong.getBody().path("errors").get(0).path("field").asText()).isEqualTo("comment");
    assertThat(
            post("/api/public/kb/articles/" + tari + "/feedback", null, Map.of("helpful", "forse"))
                .getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(get("/api/reports/kb-usage", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("/api/reports/kb-usage", null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<JsonNode> badPeriod =
        get("/api/reports/kb-usage?from=2034-13-01&to=2034-01-01", "auditor");
    assertThat(badPeriod.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badPeriod.getBody().path("errors").get(0).path("field").asText()).isEqualTo("from");
    ResponseEntity<JsonNode> tooLongPeriod =
        get("/api/reports/kb-usage?from=2034-01-01&to=2035-01-10", "auditor");
    assertThat(tooLongPeriod.getBody().path("errors").get(0).path("field").asText())
        .isEqualTo("to");
    assertThat(get("/api/reports/kb-usage", "auditor").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private long article(String externalKey) {
    return jdbc.queryForObject(
        "select id from sportello.kb_article where external_key = ?", Long.class, externalKey);
  }

  private HttpStatus feedback(String article, String user, Map<String, Object> body) {
    return HttpStatus.valueOf(post(article + "/feedback", user, body).getStatusCode().value());
  }
}
