package it.sportello.complaint.web;

import it.sportello.complaint.Complaint;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The register of proceedings as an Excel workbook (sheet "Procedimenti"). */
final class RegisterWorkbook {

  static final String MEDIA_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  static final List<String> HEADERS =
      List.of(
          "case_number",
          "status",
          "reported_at",
          "supplier",
          "supplier_address",
          "contract",
          "reporter",
          "ticket_number",
          "notice_sent_at",
          "counter_arguments_due_at",
          "supplier_replied_at",
          "decision",
          "penalty_amount",
          "closed_at");

  static List<String> values(Complaint c) {
    List<String> values = new ArrayList<>();
    values.add(c.caseNumber());
    values.add(c.status().name());
    values.add(text(c.reportedAt()));
    values.add(c.supplierName());
    values.add(c.supplierAddress());
    values.add(c.contract());
    values.add(c.reporterName());
    values.add(c.ticketNumber());
    values.add(text(c.noticeSentAt()));
    values.add(text(c.counterArgumentsDueAt()));
    values.add(text(c.supplierRepliedAt()));
    values.add(c.decision());
    values.add(c.penaltyAmount() == null ? null : c.penaltyAmount().toPlainString());
    values.add(text(c.closedAt()));
    return values;
  }

  static void write(List<Complaint> complaints, OutputStream out) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet sheet = workbook.createSheet("Procedimenti");
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row header = sheet.createRow(0);
      for (int i = 0; i < HEADERS.size(); i++) {
        header.createCell(i).setCellValue(HEADERS.get(i));
        header.getCell(i).setCellStyle(bold);
      }
      int r = 1;
      for (Complaint complaint : complaints) {
        Row row = sheet.createRow(r++);
        List<String> values = values(complaint);
        for (int i = 0; i < values.size(); i++) {
          if (i == 12 && complaint.penaltyAmount() != null) {
            row.createCell(i).setCellValue(complaint.penaltyAmount().doubleValue());
          } else if (values.get(i) != null) {
            row.createCell(i).setCellValue(values.get(i));
          }
        }
      }
      sheet.createFreezePane(0, 1);
      workbook.write(out);
    }
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private RegisterWorkbook() {}
}
