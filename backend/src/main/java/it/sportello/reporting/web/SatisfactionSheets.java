package it.sportello.reporting.web;

import it.sportello.survey.SatisfactionReport;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The satisfaction survey in the report workbooks: sheet "Satisfaction" with the figures overall
 * and per operator, queue and channel, sheet "Satisfaction answers" with every answer behind them
 * (one column per question).
 */
final class SatisfactionSheets {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final String[] FIGURES = {"Invited", "Answered", "Average score", "Low scores"};

  private SatisfactionSheets() {}

  static void write(
      SXSSFWorkbook workbook, SatisfactionReport report, ZoneId zone, CellStyle bold) {
    if (report == null) {
      return;
    }
    Sheet sheet = workbook.createSheet("Satisfaction");
    int r = 0;
    text(sheet.createRow(r++), 0, "Satisfaction " + report.from() + " - " + report.to())
        .setCellStyle(bold);
    r =
        group(
            sheet,
            r,
            "Overall",
            List.of(new SatisfactionReport.SatisfactionGroup("all", report.total())),
            bold);
    r = group(sheet, r + 1, "Operator", report.byOperator(), bold);
    r = group(sheet, r + 1, "Queue", report.byQueue(), bold);
    group(sheet, r + 1, "Channel", report.byChannel(), bold);

    Sheet answers = workbook.createSheet("Satisfaction answers");
    Set<String> keys = new LinkedHashSet<>();
    report.answers().forEach(row -> keys.addAll(row.answers().keySet()));
    List<String> headers =
        new ArrayList<>(
            List.of(
                "Ticket",
                "Answered at",
                "Operator",
                "Queue",
                "Channel",
                "Version",
                "Score",
                "Low",
                "Follow-up"));
    headers.addAll(keys);
    Row header = answers.createRow(0);
    for (int i = 0; i < headers.size(); i++) {
      text(header, i, headers.get(i)).setCellStyle(bold);
    }
    int a = 1;
    for (SatisfactionReport.SatisfactionAnswer answer : report.answers()) {
      Row row = answers.createRow(a++);
      text(row, 0, answer.ticketNumber());
      text(row, 1, DATE_TIME.format(answer.answeredAt().atZone(zone)));
      text(row, 2, answer.operator());
      text(row, 3, answer.queue());
      text(row, 4, answer.channel());
      row.createCell(5).setCellValue(answer.questionnaireVersion());
      if (answer.score() != null) {
        row.createCell(6).setCellValue(answer.score());
      }
      text(row, 7, answer.lowScore() ? "yes" : "no");
      text(row, 8, answer.followUpOutcome());
      int c = 9;
      for (String key : keys) {
        List<String> values = answer.answers().get(key);
        text(row, c++, values == null ? null : String.join("; ", values));
      }
    }
  }

  private static int group(
      Sheet sheet,
      int r,
      String title,
      List<SatisfactionReport.SatisfactionGroup> groups,
      CellStyle bold) {
    Row header = sheet.createRow(r++);
    text(header, 0, title).setCellStyle(bold);
    for (int i = 0; i < FIGURES.length; i++) {
      text(header, i + 1, FIGURES[i]).setCellStyle(bold);
    }
    for (SatisfactionReport.SatisfactionGroup group : groups) {
      Row row = sheet.createRow(r++);
      text(row, 0, group.key() == null ? "-" : group.key());
      row.createCell(1).setCellValue(group.figures().invited());
      row.createCell(2).setCellValue(group.figures().answered());
      if (group.figures().averageScore() != null) {
        row.createCell(3).setCellValue(group.figures().averageScore());
      }
      row.createCell(4).setCellValue(group.figures().lowScores());
    }
    return r;
  }

  private static org.apache.poi.ss.usermodel.Cell text(Row row, int column, String value) {
    org.apache.poi.ss.usermodel.Cell cell = row.createCell(column);
    if (value != null) {
      cell.setCellValue(value);
    }
    return cell;
  }
}
