package it.sportello.reporting.web;

import it.sportello.distribution.PresenceReport.PresenceDay;
import it.sportello.reporting.ActivityReport;
import it.sportello.reporting.KbUsageReport;
import it.sportello.reporting.SlaFigures;
import it.sportello.reporting.SlaReport;
import it.sportello.reporting.SlaReports;
import it.sportello.survey.SatisfactionReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The monthly SLA report as a real .xlsx: sheet "SLA" with one row per contract SLA (missed ones
 * highlighted), sheet "Tickets" with every ticket's result behind those figures, sheet "Calls" with
 * every inbound call's result behind the phone figures, then the month's activity: "Days" (received
 * and closed per day), "Hour bands", "Outcomes" (with the solving level and handling times) and
 * "Backlog" (open tickets by age when the report was made), and "KB usage" (reads, searches without
 * results, opinions). Streams: only a window of rows stays in memory, the rest goes to a temporary
 * file until written.
 */
final class SlaWorkbook {

  static final String MEDIA_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String[] SUMMARY_HEADERS = {
    "SLA",
    "Description",
    "Target (working hours)",
    "Threshold %",
    "Planned volume",
    "Volume",
    "Overflow points",
    "Adjusted threshold %",
    "Met",
    "Missed",
    "Excluded",
    "Value %",
    "Result",
    "Shortfall points",
    "Penalty points",
    "Penalty EUR",
    "Queue time under (seconds)",
    "Queue time limit (seconds)",
    "Calls over the limit",
    "Within the limit %",
    "Note"
  };
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private SlaWorkbook() {}

  static void write(
      SlaReports reports, ActivityReport activity, YearMonth month, OutputStream out) {
    write(reports, activity, null, month, out);
  }

  /** With sheet "KB usage" at the end when {@code kbUsage} is given. */
  static void write(
      SlaReports reports,
      ActivityReport activity,
      KbUsageReport kbUsage,
      YearMonth month,
      OutputStream out) {
    write(reports, activity, kbUsage, null, null, month, out);
  }

  /**
   * With the satisfaction survey's sheets at the end when {@code satisfaction} is given, and the
   * operators' presence (sheet "Presence") when {@code presence} is.
   */
  static void write(
      SlaReports reports,
      ActivityReport activity,
      KbUsageReport kbUsage,
      SatisfactionReport satisfaction,
      List<PresenceDay> presence,
      YearMonth month,
      OutputStream out) {
    SlaReport report = reports.report(month);
    Instant asOf = report.asOf().toInstant();
    streamed(
        out,
        (workbook, bold) -> {
          CellStyle missed = workbook.createCellStyle();
          missed.setFillForegroundColor(IndexedColors.ROSE.getIndex());
          missed.setFillPattern(FillPatternType.SOLID_FOREGROUND);

          Sheet summary = workbook.createSheet("SLA");
          int r = 0;
          Row title = summary.createRow(r++);
          text(title, 0, "SLA report " + report.month()).setCellStyle(bold);
          text(
              title,
              1,
              "as of "
                  + report.asOf().format(DATE_TIME)
                  + (report.complete() ? "" : " (month not over)"));
          header(summary.createRow(r++), SUMMARY_HEADERS, bold);
          for (SlaFigures sla : report.slas()) {
            Row row = summary.createRow(r++);
            int c = 0;
            text(row, c++, sla.code());
            text(row, c++, sla.description());
            boolean onTickets = sla.measure().onTickets();
            number(row, c++, onTickets ? SlaTicketRow.hours(sla.within()) : null);
            number(row, c++, sla.threshold());
            number(
                row, c++, sla.plannedVolume() == null ? null : sla.plannedVolume().doubleValue());
            number(row, c++, (double) sla.volume());
            number(row, c++, sla.overflowPoints());
            number(row, c++, sla.adjustedThreshold());
            number(row, c++, (double) sla.met());
            number(row, c++, (double) sla.missed());
            number(row, c++, (double) sla.excluded());
            number(row, c++, sla.value());
            Cell verdict = text(row, c++, sla.status().name());
            if (sla.status() == SlaFigures.Status.MISSED) {
              verdict.setCellStyle(missed);
            }
            number(row, c++, sla.shortfallPoints());
            number(row, c++, sla.penaltyPoints());
            number(row, c++, sla.penalty());
            number(row, c++, onTickets || sla.within() == null ? null : seconds(sla.within()));
            number(row, c++, sla.limit() == null ? null : seconds(sla.limit()));
            number(row, c++, sla.overLimit() == null ? null : sla.overLimit().doubleValue());
            number(row, c++, sla.withinLimit());
            text(row, c, sla.note());
          }
          Row total = summary.createRow(r + 1);
          text(total, 0, "Total penalty EUR").setCellStyle(bold);
          number(total, 15, report.totalPenalty());

          Sheet tickets = workbook.createSheet("Tickets");
          header(tickets.createRow(0), SlaTicketRow.HEADERS, bold);
          int[] next = {1};
          reports.forEachResult(
              month,
              asOf,
              result -> {
                SlaTicketRow line = SlaTicketRow.of(result, reports);
                Row row = tickets.createRow(next[0]++);
                int c = 0;
                text(row, c++, line.sla());
                text(row, c++, line.number());
                text(row, c++, line.channel());
                text(row, c++, line.queue());
                text(row, c++, line.type());
                text(row, c++, line.status());
                text(row, c++, line.outcome());
                text(
                    row,
                    c++,
                    line.receivedAt() == null ? null : line.receivedAt().format(DATE_TIME));
                text(
                    row, c++, line.reachedAt() == null ? null : line.reachedAt().format(DATE_TIME));
                number(row, c++, SlaTicketRow.hours(line.workingTime()));
                number(row, c++, SlaTicketRow.hours(line.pausedWorkingTime()));
                text(row, c++, line.result().name());
                text(row, c, line.reason() == null ? null : line.reason().name());
              });
          Sheet calls = workbook.createSheet("Calls");
          header(calls.createRow(0), SlaCallRow.HEADERS, bold);
          int[] nextCall = {1};
          reports.forEachCallResult(
              month,
              result -> {
                SlaCallRow line = SlaCallRow.of(result, reports);
                Row row = calls.createRow(nextCall[0]++);
                int c = 0;
                text(row, c++, line.sla());
                text(row, c++, line.callId());
                text(row, c++, line.queue());
                text(
                    row, c++, line.offeredAt() == null ? null : line.offeredAt().format(DATE_TIME));
                text(
                    row,
                    c++,
                    line.answeredAt() == null ? null : line.answeredAt().format(DATE_TIME));
                number(
                    row, c++, line.waitSeconds() == null ? null : line.waitSeconds().doubleValue());
                text(row, c++, line.outcome());
                text(row, c++, line.agent());
                text(row, c++, line.ticketNumber());
                number(
                    row, c++, line.ticketLevel() == null ? null : line.ticketLevel().doubleValue());
                number(
                    row,
                    c++,
                    line.solvedAtLevel() == null ? null : line.solvedAtLevel().doubleValue());
                text(row, c++, line.result().name());
                text(row, c++, line.reason() == null ? null : line.reason().name());
                text(row, c, line.overLimit() ? "yes" : "no");
              });
          activitySheets(workbook, activity, bold);
          kbUsageSheet(workbook, kbUsage, reports.zone(), bold);
          SatisfactionSheets.write(workbook, satisfaction, reports.zone(), bold);
          PresenceSheet.write(workbook, presence, bold);
        });
  }

  /**
   * The activity of a period alone (the weekly report): sheets "Days", "Hour bands", "Outcomes" and
   * "Backlog", as in the monthly workbook.
   */
  static void writeActivity(ActivityReport activity, OutputStream out) {
    writeActivity(activity, null, null, null, out);
  }

  /**
   * With the satisfaction survey's sheets when {@code satisfaction} is given, and the operators'
   * presence (sheet "Presence") when {@code presence} is.
   */
  static void writeActivity(
      ActivityReport activity,
      SatisfactionReport satisfaction,
      List<PresenceDay> presence,
      java.time.ZoneId zone,
      OutputStream out) {
    streamed(
        out,
        (workbook, bold) -> {
          activitySheets(workbook, activity, bold);
          SatisfactionSheets.write(workbook, satisfaction, zone, bold);
          PresenceSheet.write(workbook, presence, bold);
        });
  }

  /**
   * A streaming workbook (rows beyond the last 200 go to temporary files): {@code sheets} fills it,
   * given the bold style of the headers; then it is written to {@code out} and its temporary files
   * are removed.
   */
  private static void streamed(OutputStream out, BiConsumer<SXSSFWorkbook, CellStyle> sheets) {
    SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    try {
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      sheets.accept(workbook, bold);
      workbook.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      workbook.dispose();
      try {
        workbook.close();
      } catch (IOException ignored) {
        // the temporary files are already gone
      }
    }
  }

  private static void activitySheets(
      SXSSFWorkbook workbook, ActivityReport activity, CellStyle bold) {
    Sheet days = workbook.createSheet("Days");
    header(days.createRow(0), new String[] {"Day", "Received", "Closed"}, bold);
    int r = 1;
    for (ActivityReport.Day day : activity.days()) {
      Row row = days.createRow(r++);
      text(row, 0, day.date().toString());
      number(row, 1, (double) day.received());
      number(row, 2, (double) day.closed());
    }
    Row total = days.createRow(r);
    text(total, 0, "Total").setCellStyle(bold);
    number(total, 1, (double) activity.received());
    number(total, 2, (double) activity.closed());

    Sheet hours = workbook.createSheet("Hour bands");
    header(hours.createRow(0), new String[] {"From", "To", "Received"}, bold);
    r = 1;
    for (ActivityReport.HourBand band : activity.hourBands()) {
      Row row = hours.createRow(r++);
      text(row, 0, String.format("%02d:00", band.hour()));
      text(row, 1, String.format("%02d:59", band.hour()));
      number(row, 2, (double) band.received());
    }

    Sheet outcomes = workbook.createSheet("Outcomes");
    header(outcomes.createRow(0), new String[] {"Outcome", "Closed tickets"}, bold);
    r = 1;
    for (var outcome : activity.outcomes().entrySet()) {
      Row row = outcomes.createRow(r++);
      text(row, 0, outcome.getKey());
      number(row, 1, (double) outcome.getValue());
    }
    r++;
    header(outcomes.createRow(r++), new String[] {"Solved at level", "Tickets"}, bold);
    for (var level : activity.solvedAtLevel().entrySet()) {
      Row row = outcomes.createRow(r++);
      number(row, 0, (double) level.getKey());
      number(row, 1, (double) level.getValue());
    }
    r++;
    header(
        outcomes.createRow(r++),
        new String[] {
          "Elapsed hours from reception", "Tickets", "Average", "Median", "90th percentile"
        },
        bold);
    for (var step :
        java.util.Map.of(
                "to take in charge", activity.toTakeInCharge(), "to solve", activity.toResolve())
            .entrySet()
            .stream()
            .sorted(java.util.Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))
            .toList()) {
      Row row = outcomes.createRow(r++);
      text(row, 0, step.getKey());
      number(row, 1, (double) step.getValue().tickets());
      number(row, 2, step.getValue().averageHours());
      number(row, 3, step.getValue().medianHours());
      number(row, 4, step.getValue().p90Hours());
    }

    Sheet backlog = workbook.createSheet("Backlog");
    text(backlog.createRow(0), 0, "Open tickets as of " + activity.asOf()).setCellStyle(bold);
    header(backlog.createRow(1), new String[] {"Age", "Open tickets"}, bold);
    r = 2;
    for (var bucket : activity.backlog().ageing().entrySet()) {
      Row row = backlog.createRow(r++);
      text(row, 0, bucket.getKey());
      number(row, 1, (double) bucket.getValue());
    }
    Row open = backlog.createRow(r++);
    text(open, 0, "Total").setCellStyle(bold);
    number(open, 1, (double) activity.backlog().open());
    Row waiting = backlog.createRow(r++);
    text(waiting, 0, "of which waiting for the requester");
    number(waiting, 1, (double) activity.backlog().waitingForRequester());
    Row office = backlog.createRow(r);
    text(office, 0, "of which waiting for an office");
    number(office, 1, (double) activity.backlog().waitingForOffice());
    if (activity.chats() != null) {
      chatSheet(workbook, activity.chats(), bold);
    }
  }

  /** The web chat's figures per day and queue, the totals and the hand-offs by reason. */
  private static void chatSheet(
      SXSSFWorkbook workbook, it.sportello.reporting.ChatFigures chats, CellStyle bold) {
    Sheet sheet = workbook.createSheet("Chats");
    header(
        sheet.createRow(0),
        new String[] {
          "Day",
          "Queue",
          "Started",
          "Offered to operators",
          "Answered",
          "Abandoned while queued",
          "Bot alone",
          "Containment %",
          "Average wait (s)",
          "90th percentile wait (s)",
          "Transfers"
        },
        bold);
    int r = 1;
    for (var figures : chats.rows()) {
      chatRow(sheet.createRow(r++), figures, figures.date().toString(), figures.queue());
    }
    chatRow(sheet.createRow(r++), chats.total(), "Total", null).getCell(0).setCellStyle(bold);
    r++;
    header(sheet.createRow(r++), new String[] {"Hand-off reason", "Chats"}, bold);
    for (var reason : chats.handOffReasons().entrySet()) {
      Row row = sheet.createRow(r++);
      text(row, 0, reason.getKey());
      number(row, 1, (double) reason.getValue());
    }
  }

  private static Row chatRow(
      Row row, it.sportello.reporting.ChatFigures.Row figures, String day, String queue) {
    text(row, 0, day);
    text(row, 1, queue == null ? "" : queue);
    number(row, 2, (double) figures.started());
    number(row, 3, (double) figures.offered());
    number(row, 4, (double) figures.answered());
    number(row, 5, (double) figures.abandonedQueued());
    number(row, 6, (double) figures.botOnly());
    number(row, 7, figures.containmentPercent());
    number(row, 8, figures.averageWaitSeconds());
    number(row, 9, figures.p90WaitSeconds());
    number(row, 10, (double) figures.transfers());
    return row;
  }

  /** The month's KB usage: totals, the most read articles, the searches without results. */
  private static void kbUsageSheet(
      SXSSFWorkbook workbook, KbUsageReport kbUsage, java.time.ZoneId zone, CellStyle bold) {
    if (kbUsage == null) {
      return;
    }
    Sheet sheet = workbook.createSheet("KB usage");
    int r = 0;
    KbUsageReport.KbUsageTotals totals = kbUsage.totals();
    text(sheet.createRow(r++), 0, "Knowledge base usage " + kbUsage.from() + " - " + kbUsage.to())
        .setCellStyle(bold);
    Object[][] figures = {
      {"Articles read by operators", (double) totals.internalViews()},
      {"Articles read by citizens", (double) totals.publicViews()},
      {"Searches", (double) totals.searches()},
      {"Searches without results", (double) totals.searchesWithoutResults()},
      {"Helpful", (double) totals.helpful()},
      {"Not helpful", (double) totals.notHelpful()},
      {"Helpful %", totals.helpfulPercent()},
      {"Contacts deflected by an article", (double) totals.deflectedContacts()}
    };
    for (Object[] figure : figures) {
      Row row = sheet.createRow(r++);
      text(row, 0, (String) figure[0]);
      number(row, 1, (Double) figure[1]);
    }
    r++;
    text(sheet.createRow(r++), 0, "Most read articles").setCellStyle(bold);
    header(
        sheet.createRow(r++),
        new String[] {
          "Article", "Title", "Category", "Views", "Helpful", "Not helpful", "Helpful %"
        },
        bold);
    for (KbUsageReport.ArticleUsage article : kbUsage.topArticles()) {
      Row row = sheet.createRow(r++);
      number(row, 0, (double) article.id());
      text(row, 1, article.title());
      text(row, 2, article.categoryName());
      number(row, 3, (double) article.views());
      number(row, 4, (double) article.helpful());
      number(row, 5, (double) article.notHelpful());
      number(row, 6, article.helpfulPercent());
    }
    r++;
    text(sheet.createRow(r++), 0, "Searches without results").setCellStyle(bold);
    header(sheet.createRow(r++), new String[] {"Searched text", "Searches", "Last"}, bold);
    for (KbUsageReport.UnansweredQuery query : kbUsage.unansweredQueries()) {
      Row row = sheet.createRow(r++);
      text(row, 0, query.query());
      number(row, 1, (double) query.searches());
      text(row, 2, DATE_TIME.format(query.lastSearchedAt().atZone(zone)));
    }
  }

  private static double seconds(java.time.Duration duration) {
    return duration.toMillis() / 1000d;
  }

  private static void header(Row row, String[] headers, CellStyle style) {
    for (int i = 0; i < headers.length; i++) {
      text(row, i, headers[i]).setCellStyle(style);
    }
  }

  private static Cell text(Row row, int column, String value) {
    Cell cell = row.createCell(column);
    if (value != null) {
      cell.setCellValue(value);
    }
    return cell;
  }

  private static void number(Row row, int column, BigDecimal value) {
    number(row, column, value == null ? null : value.doubleValue());
  }

  private static void number(Row row, int column, Double value) {
    Cell cell = row.createCell(column);
    if (value != null) {
      cell.setCellValue(value);
    }
  }
}
