package it.sportello.reporting.web;

import it.sportello.distribution.PresenceReport.PresenceDay;
import it.sportello.distribution.PresenceState;
import java.util.List;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Operators' presence in the activity workbooks: sheet "Presence", one row per operator and day
 * (service calendar), the hours in each state, the occupancy and the hours paused per reason (one
 * column per reason found in the period).
 */
final class PresenceSheet {

  private PresenceSheet() {}

  static void write(SXSSFWorkbook workbook, List<PresenceDay> days, CellStyle bold) {
    if (days == null) {
      return;
    }
    Sheet sheet = workbook.createSheet("Presence");
    TreeSet<String> reasons = new TreeSet<>();
    days.forEach(day -> reasons.addAll(day.pausesByReason().keySet()));
    Row header = sheet.createRow(0);
    int c = 0;
    header.createCell(c++).setCellValue("Operator");
    header.createCell(c++).setCellValue("Day");
    for (PresenceState state : PresenceState.values()) {
      header.createCell(c++).setCellValue(state.name() + " (hours)");
    }
    header.createCell(c++).setCellValue("Occupancy %");
    for (String reason : reasons) {
      header.createCell(c++).setCellValue("Paused: " + reason + " (hours)");
    }
    header.forEach(cell -> cell.setCellStyle(bold));
    int r = 1;
    for (PresenceDay day : days) {
      Row row = sheet.createRow(r++);
      c = 0;
      row.createCell(c++).setCellValue(day.operator());
      row.createCell(c++).setCellValue(day.day().toString());
      for (PresenceState state : PresenceState.values()) {
        row.createCell(c++).setCellValue(hours(day.seconds().getOrDefault(state, 0L)));
      }
      var occupancy = row.createCell(c++);
      if (day.occupancy() != null) {
        occupancy.setCellValue(Math.round(day.occupancy() * 1000) / 10.0);
      }
      for (String reason : reasons) {
        row.createCell(c++).setCellValue(hours(day.pausesByReason().getOrDefault(reason, 0L)));
      }
    }
  }

  private static double hours(long seconds) {
    return Math.round(seconds / 36.0) / 100.0;
  }
}
