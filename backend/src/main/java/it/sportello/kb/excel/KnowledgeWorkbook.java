package it.sportello.kb.excel;

import it.sportello.kb.KnowledgeImport;
import it.sportello.kb.KnowledgeImport.ArticleRow;
import it.sportello.kb.KnowledgeImport.ReasonRow;
import it.sportello.kb.KnowledgeImport.TopicRow;
import it.sportello.shared.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The workbook of the knowledge base: sheets {@code Argomenti} (codice, nome), {@code Causali}
 * (codice, argomento, nome) and {@code Articoli} (codice, causale, lingua, titolo, sommario, testo,
 * destinatari, tag, revisione, stato). Columns are found by their header in the first row, in
 * Italian or English, in any order; row numbers are the ones Excel shows.
 */
public final class KnowledgeWorkbook {

  /** The rows of the three sheets. */
  public record Rows(List<TopicRow> topics, List<ReasonRow> reasons, List<ArticleRow> articles) {}

  private static final Map<String, String> HEADERS = new HashMap<>();

  static {
    String[][] synonyms = {
      {"codice", "code"},
      {"nome", "name"},
      {"argomento", "topic", "parent", "padre"},
      {"causale", "reason", "category", "classificazione"},
      {"lingua", "language"},
      {"titolo", "title"},
      {"sommario", "summary"},
      {"testo", "body", "text"},
      {"destinatari", "audience", "visibilità", "visibilita"},
      {"tag", "tags"},
      {"revisione", "review", "review date", "data revisione"},
      {"stato", "status"}
    };
    for (String[] names : synonyms) {
      for (String name : names) {
        HEADERS.put(name, names[0]);
      }
    }
  }

  private static final DataFormatter FORMATTER = new DataFormatter(Locale.ITALY);

  public static Rows read(InputStream in) {
    try (Workbook workbook = WorkbookFactory.create(in)) {
      return new Rows(
          rows(
              workbook,
              KnowledgeImport.TOPICS,
              c -> new TopicRow(c.row, c.get("codice"), c.get("nome"))),
          rows(
              workbook,
              KnowledgeImport.REASONS,
              c -> new ReasonRow(c.row, c.get("codice"), c.get("argomento"), c.get("nome"))),
          rows(
              workbook,
              KnowledgeImport.ARTICLES,
              c ->
                  new ArticleRow(
                      c.row,
                      c.get("codice"),
                      c.get("causale"),
                      c.get("lingua"),
                      c.get("titolo"),
                      c.get("sommario"),
                      c.get("testo"),
                      c.get("destinatari"),
                      c.get("tag"),
                      c.get("revisione"),
                      c.get("stato"))));
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidRequestException invalid) {
        throw invalid;
      }
      throw new InvalidRequestException("file", "not a readable .xlsx workbook: " + e.getMessage());
    }
  }

  private static final class Cells {
    final int row;
    final Map<String, String> values;

    Cells(int row, Map<String, String> values) {
      this.row = row;
      this.values = values;
    }

    String get(String column) {
      return values.get(column);
    }
  }

  private static <T> List<T> rows(
      Workbook workbook, String sheetName, java.util.function.Function<Cells, T> mapper) {
    Sheet sheet = workbook.getSheet(sheetName);
    if (sheet == null) {
      throw new InvalidRequestException("file", "the workbook has no sheet '" + sheetName + "'");
    }
    Row header = sheet.getRow(sheet.getFirstRowNum());
    Map<Integer, String> columns = new HashMap<>();
    if (header != null) {
      for (Cell cell : header) {
        String name = HEADERS.get(text(cell).strip().toLowerCase(Locale.ROOT));
        if (name != null) {
          columns.put(cell.getColumnIndex(), name);
        }
      }
    }
    if (!columns.containsValue("codice")) {
      throw new InvalidRequestException(
          "file", "sheet '" + sheetName + "' has no column 'codice' in its first row");
    }
    List<T> rows = new ArrayList<>();
    for (Row row : sheet) {
      if (header == null || row.getRowNum() == header.getRowNum()) {
        continue;
      }
      Map<String, String> values = new HashMap<>();
      boolean empty = true;
      for (Map.Entry<Integer, String> column : columns.entrySet()) {
        String value = text(row.getCell(column.getKey()));
        if (!value.isBlank()) {
          values.put(column.getValue(), value);
          empty = false;
        }
      }
      if (!empty) {
        rows.add(mapper.apply(new Cells(row.getRowNum() + 1, values)));
      }
    }
    return rows;
  }

  private static String text(Cell cell) {
    if (cell == null) {
      return "";
    }
    if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
      return cell.getLocalDateTimeCellValue()
          .toLocalDate()
          .format(DateTimeFormatter.ISO_LOCAL_DATE);
    }
    return FORMATTER.formatCellValue(cell);
  }

  private KnowledgeWorkbook() {}
}
