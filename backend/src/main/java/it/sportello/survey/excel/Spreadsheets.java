package it.sportello.survey.excel;

import it.sportello.shared.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The campaigns' spreadsheets (Apache POI kept here, as in the other modules' {@code excel} or
 * {@code web} adapters): a target list read from a workbook, the campaign's workbook written as a
 * stream.
 */
public final class Spreadsheets {

  private Spreadsheets() {}

  /**
   * The first sheet's rows under its header row, each as header name (as written) to cell text;
   * empty rows skipped.
   */
  public static List<Map<String, String>> rows(InputStream in) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    DataFormatter formatter = new DataFormatter(Locale.ROOT);
    try (Workbook workbook = WorkbookFactory.create(in)) {
      Sheet sheet = workbook.getSheetAt(0);
      Row header = sheet.getRow(sheet.getFirstRowNum());
      if (header == null) {
        return rows;
      }
      Map<Integer, String> names = new HashMap<>();
      header.forEach(cell -> names.put(cell.getColumnIndex(), formatter.formatCellValue(cell)));
      for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        Map<String, String> values = new HashMap<>();
        boolean empty = true;
        for (var column : names.entrySet()) {
          String value =
              row == null ? null : formatter.formatCellValue(row.getCell(column.getKey()));
          empty &= value == null || value.isBlank();
          values.put(column.getValue(), value);
        }
        if (!empty) {
          rows.add(values);
        }
      }
    } catch (org.apache.poi.EmptyFileException | org.apache.poi.UnsupportedFileFormatException e) {
      throw new InvalidRequestException("file", "is not a readable Excel workbook");
    }
    return rows;
  }

  /** A workbook written sheet by sheet, row by row, streamed (a few hundred rows in memory). */
  public static final class Writer implements AutoCloseable {

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(500);
    private Sheet sheet;
    private int next;

    /** Starts a sheet; the following rows go into it. */
    public Writer sheet(String name) {
      sheet = workbook.createSheet(name);
      next = 0;
      return this;
    }

    /** A row: numbers as numbers, anything else as text (null: empty). */
    public Writer row(Object... values) {
      Row row = sheet.createRow(next++);
      for (int i = 0; i < values.length; i++) {
        Object value = values[i];
        if (value instanceof Number number) {
          row.createCell(i).setCellValue(number.doubleValue());
        } else {
          row.createCell(i).setCellValue(value == null ? "" : value.toString());
        }
      }
      return this;
    }

    /** Skips a row. */
    public Writer blank() {
      next++;
      return this;
    }

    public void write(OutputStream out) throws IOException {
      workbook.write(out);
    }

    @Override
    public void close() throws IOException {
      workbook.dispose();
      workbook.close();
    }
  }
}
