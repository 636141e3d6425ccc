package it.sportello.distribution.web;

import it.sportello.distribution.StaffingForecasts.Band;
import it.sportello.distribution.StaffingForecasts.PastWeek;
import it.sportello.distribution.StaffingForecasts.StaffingForecast;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The staffing forecast as an .xlsx, like the activity workbook: sheet "Forecast" (one row per hour
 * band: contacts per channel, phone and offline operators), "Past weeks" (forecast, actual and MAPE
 * per channel), "Method" (the method and its parameters).
 */
final class StaffingWorkbook {

  static final String MEDIA_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private StaffingWorkbook() {}

  static void write(StaffingForecast forecast, OutputStream out) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);

      Sheet sheet = workbook.createSheet("Forecast");
      Row header = sheet.createRow(0);
      int c = 0;
      for (String title : new String[] {"Day", "From", "To"}) {
        cell(header, c++, title, bold);
      }
      for (String channel : forecast.channels()) {
        cell(header, c++, channel, bold);
      }
      cell(header, c++, "Phone operators", bold);
      cell(header, c++, "Offline workload (hours)", bold);
      cell(header, c, "Offline operators", bold);
      int r = 1;
      for (Band band : forecast.bands()) {
        Row row = sheet.createRow(r++);
        c = 0;
        row.createCell(c++).setCellValue(band.day().toString());
        row.createCell(c++).setCellValue(String.format("%02d:00", band.hour()));
        row.createCell(c++).setCellValue(String.format("%02d:59", band.hour()));
        for (String channel : forecast.channels()) {
          row.createCell(c++).setCellValue(band.volumes().getOrDefault(channel, 0.0));
        }
        row.createCell(c++).setCellValue(band.phoneOperators());
        row.createCell(c++).setCellValue(band.offlineWorkloadHours());
        row.createCell(c).setCellValue(band.offlineOperators());
      }

      Sheet past = workbook.createSheet("Past weeks");
      Row pastHeader = past.createRow(0);
      String[] titles = {"Week", "Channel", "Forecast", "Actual", "MAPE %"};
      for (int i = 0; i < titles.length; i++) {
        cell(pastHeader, i, titles[i], bold);
      }
      r = 1;
      for (PastWeek week : forecast.pastWeeks()) {
        for (String channel : forecast.channels()) {
          Row row = past.createRow(r++);
          row.createCell(0).setCellValue(week.weekStart().toString());
          row.createCell(1).setCellValue(channel);
          row.createCell(2).setCellValue(week.forecast().getOrDefault(channel, 0.0));
          row.createCell(3).setCellValue(week.actual().getOrDefault(channel, 0.0));
          Double mape = week.mape().get(channel);
          if (mape != null) {
            row.createCell(4).setCellValue(mape);
          }
        }
        Row total = past.createRow(r++);
        total.createCell(0).setCellValue(week.weekStart().toString());
        cell(total, 1, "All channels", bold);
        if (week.totalMape() != null) {
          total.createCell(4).setCellValue(week.totalMape());
        }
      }

      Sheet method = workbook.createSheet("Method");
      Object[][] lines = {
        {"Week from", forecast.weekStart().toString()},
        {"Method", forecast.method()},
        {"History (weeks)", forecast.historyWeeks()},
        {"Trend factors", forecast.trendFactors().toString()},
        {"Call handling time (s)", forecast.callHandlingSeconds()},
        {"Calls measured", forecast.callsMeasured()},
        {
          "Phone level",
          "Erlang C: "
              + Math.round(forecast.phoneShare() * 100)
              + "% within "
              + forecast.phoneWithinSeconds()
              + " s"
        },
        {"Offline handling time (s)", forecast.offlineHandlingSeconds()},
        {"Productive share", forecast.productiveShare()}
      };
      r = 0;
      for (Object[] line : lines) {
        Row row = method.createRow(r++);
        cell(row, 0, (String) line[0], bold);
        if (line[1] instanceof Number number) {
          row.createCell(1).setCellValue(number.doubleValue());
        } else {
          row.createCell(1).setCellValue(String.valueOf(line[1]));
        }
      }
      workbook.write(out);
    }
  }

  private static void cell(Row row, int column, String value, CellStyle style) {
    var cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }
}
