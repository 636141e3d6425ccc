/**
 * Scheduled deliveries of the report set by mail ({@code sportello.reporting.deliveries}): each
 * schedule's cron, on the service calendar's zone, generates the workbook of the period just ended
 * (the previous month's SLA report, or the previous ISO week's activity) and queues it in the mail
 * outbox, with a {@code report_delivery} row, in one transaction; once per schedule and period,
 * however many nodes or restarts trigger it. Manual runs are recorded beside the scheduled ones.
 */
package it.sportello.reporting.delivery;
