package it.sportello.reporting.delivery;

/** What a delivery sends, and for which period. */
public enum ReportSet {
  /** The previous calendar month's SLA workbook (SLA, Tickets and the month's activity). */
  MONTHLY,
  /** The previous ISO week's activity workbook (Days, Hour bands, Outcomes, Backlog). */
  WEEKLY
}
