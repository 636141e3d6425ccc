package it.sportello.kb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import of the existing knowledge base at its real size: 950 topics, 9,000 reasons and 10,000
 * articles ("knowledge pills"), with bad rows that are reported without stopping the import.
 */
class KnowledgeImportIT extends IntegrationTest {

  @Autowired JdbcClient jdbc;

  @Test
  void importsAWorkbookOf950Topics9000ReasonsAnd10000ArticlesReportingTheBadRows()
      throws IOException {
    byte[] workbook = workbook("T", 950, 9000, 10000, true);

    ResponseEntity<JsonNode> dryRun = upload(workbook, true);
    assertThat(dryRun.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(dryRun.getBody().path("articles").asInt()).isEqualTo(10000);
    assertThat(count("select count(*) from sportello.kb_article where external_key like 'T-%'"))
        .as("a dry run writes nothing")
        .isZero();

    ResponseEntity<JsonNode> imported = upload(workbook, false);

    assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode report = imported.getBody();
    assertThat(report.path("topics").asInt()).isEqualTo(950);
    assertThat(report.path("reasons").asInt()).isEqualTo(9000);
    assertThat(report.path("articles").asInt()).isEqualTo(10000);
    assertThat(report.path("variants").asInt()).isEqualTo(10000 + 1000);
    List<String> problems = new ArrayList<>();
    report
        .path("problems")
        .forEach(
            p ->
                problems.add(
                    p.path("sheet").asText()
                        + ":"
                        + p.path("row").asInt()
                        + ":"
                        + p.path("field").asText()));
    assertThat(problems)
        .containsExactlyInAnyOrder(
            "Causali:9002:argomento",
            "Causali:9003:codice",
            "Articoli:11002:titolo",
            "Articoli:11003:lingua",
            "Articoli:11004:causale",
            "Articoli:11005:revisione",
            "Articoli:11006:destinatari");

    assertThat(
            count("select count(*) from sportello.kb_category where code like 'T-%' and depth = 1"))
        .isEqualTo(950);
    assertThat(
            count("select count(*) from sportello.kb_category where code like 'T-%' and depth = 2"))
        .isEqualTo(9000);
    assertThat(count("select count(*) from sportello.kb_article where external_key like 'T-%'"))
        .isEqualTo(10000);
    assertThat(
            count(
                "select count(*) from sportello.kb_article where external_key like 'T-%' and status ="
                    + " 'PUBLISHED'"))
        .isEqualTo(10000);
    assertThat(
            count(
                "select count(*) from sportello.search_outbox o join sportello.kb_article a on a.id = o.document_id"
                    + " where a.external_key like 'T-%'"))
        .as("every imported article is queued for the search index")
        .isEqualTo(10000);

    // again, a part of the workbook: the articles are updated (their reason changed), not added
    ResponseEntity<JsonNode> again = upload(workbook("T", 10, 10, 100, false), false);
    assertThat(again.getBody().path("articles").asInt()).isEqualTo(100);
    assertThat(again.getBody().path("problems")).isEmpty();
    assertThat(count("select count(*) from sportello.kb_article where external_key like 'T-%'"))
        .as("importing again updates by code, it does not duplicate")
        .isEqualTo(10000);
  }

  @Test
  void aWorkbookWithoutTheArticlesSheetIsRefusedNamingTheFile() throws IOException {
    SXSSFWorkbook book = new SXSSFWorkbook();
    book.createSheet("Argomenti").createRow(0).createCell(0).setCellValue("codice");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    book.write(out);
    book.close();

    ResponseEntity<JsonNode> refused = upload(out.toByteArray(), false);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().path("errors").get(0).path("field").asText()).isEqualTo("file");
  }

  /** The imported rows would weigh on the other tests sharing this database (and its index). */
  @AfterEach
  void removeTheImportedKnowledgeBase() {
    jdbc.sql(
            "delete from sportello.search_outbox where document_id in (select id from"
                + " sportello.kb_article where external_key like 'T-%')")
        .update();
    jdbc.sql("delete from sportello.kb_article where external_key like 'T-%'").update();
    jdbc.sql("delete from sportello.kb_category where code like 'T-%' and depth > 1").update();
    jdbc.sql("delete from sportello.kb_category where code like 'T-%'").update();
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private ResponseEntity<JsonNode> upload(byte[] workbook, boolean dryRun) {
    return upload(
        "/api/kb/import?dryRun=" + dryRun, "kbeditor", Map.of(), "pillole.xlsx", workbook);
  }

  /**
   * Topics {@code T-<i>}, reasons {@code T-<i>-<j>} spread over the topics, articles {@code T-A<k>}
   * on the reasons (every tenth also in English); with {@code bad}, rows that must be reported
   * after the good ones.
   */
  static byte[] workbook(String prefix, int topics, int reasons, int articles, boolean bad)
      throws IOException {
    try (SXSSFWorkbook book = new SXSSFWorkbook(500)) {
      Sheet topicSheet = book.createSheet("Argomenti");
      row(topicSheet, 0, "codice", "nome");
      for (int i = 0; i < topics; i++) {
        row(topicSheet, i + 1, prefix + "-" + i, "Argomento " + i);
      }
      Sheet reasonSheet = book.createSheet("Causali");
      row(reasonSheet, 0, "codice", "argomento", "nome");
      for (int j = 0; j < reasons; j++) {
        row(
            reasonSheet,
            j + 1,
            reason(prefix, j, topics),
            prefix + "-" + (j % topics),
            "Causale " + j);
      }
      if (bad) {
        row(reasonSheet, reasons + 1, prefix + "-X1", "NON-ESISTE", "Causale orfana");
        row(reasonSheet, reasons + 2, "", prefix + "-1", "Causale senza codice");
      }
      Sheet articleSheet = book.createSheet("Articoli");
      row(
          articleSheet,
          0,
          "codice",
          "causale",
          "lingua",
          "titolo",
          "sommario",
          "testo",
          "destinatari",
          "tag",
          "revisione",
          "stato");
      int r = 1;
      for (int k = 0; k < articles; k++) {
        String reason = reason(prefix, k % reasons, topics);
        String audience = k % 3 == 0 ? "PUBBLICO" : k % 3 == 1 ? "FRONT_OFFICE" : "BACK_OFFICE";
        row(
            articleSheet,
            r++,
            prefix + "-A" + k,
            reason,
            "it",
            "Pillola " + k + ": come richiedere il servizio " + (k % 97),
            "Sommario della pillola " + k,
            "Testo della pillola " + k + " con le istruzioni per il cittadino.",
            audience,
            "tag" + (k % 50) + ",servizio",
            "2027-01-31",
            "PUBBLICATO");
        if (k % 10 == 0) {
          row(
              articleSheet,
              r++,
              prefix + "-A" + k,
              reason,
              "en",
              "Pill " + k,
              "Summary " + k,
              "Text " + k,
              "",
              "",
              "",
              "");
        }
      }
      if (bad) {
        int first = r;
        row(articleSheet, first, prefix + "-B1", reason(prefix, 0, topics), "it", "", "", "Testo");
        row(
            articleSheet,
            first + 1,
            prefix + "-B2",
            reason(prefix, 0, topics),
            "xx",
            "Titolo",
            "S",
            "T");
        row(articleSheet, first + 2, prefix + "-B3", "NON-ESISTE", "it", "Titolo", "S", "T");
        row(
            articleSheet,
            first + 3,
            prefix + "-B4",
            reason(prefix, 0, topics),
            "it",
            "Titolo",
            "S",
            "T",
            "",
            "",
            "31/02/2026");
        row(
            articleSheet,
            first + 4,
            prefix + "-B5",
            reason(prefix, 0, topics),
            "it",
            "Titolo",
            "S",
            "T",
            "TUTTI");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      book.dispose();
      return out.toByteArray();
    }
  }

  private static String reason(String prefix, int j, int topics) {
    return prefix + "-" + (j % topics) + "-" + j;
  }

  private static void row(Sheet sheet, int index, String... values) {
    Row row = sheet.createRow(index);
    for (int i = 0; i < values.length; i++) {
      row.createCell(i).setCellValue(values[i]);
    }
  }
}
