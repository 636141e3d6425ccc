package it.sportello.reporting;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The reports as spreadsheet files, for whoever sends them on (the scheduled deliveries); written
 * by the reports' web adapter, which owns the spreadsheet library.
 */
public interface ReportWorkbooks {

  /** A generated file. */
  record File(String fileName, String mediaType, byte[] content) {}

  /** The month's SLA report with its tickets and the month's activity, as the Excel export. */
  File monthlySla(YearMonth month);

  /** The activity of the days from {@code from} to {@code to} (included), named by its label. */
  File activity(LocalDate from, LocalDate to, String label);
}
