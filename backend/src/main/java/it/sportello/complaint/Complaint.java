package it.sportello.complaint;

import java.math.BigDecimal;
import java.time.Instant;

/** A complaint (report and proceeding), as read. */
public record Complaint(
    String caseNumber,
    Status status,
    long supplierId,
    String supplierName,
    String supplierAddress,
    String contract,
    String description,
    Long reporterId,
    String reporterName,
    String reporterAddress,
    String ticketNumber,
    String reportedBy,
    Instant reportedAt,
    String dismissalReason,
    Instant noticeSentAt,
    Instant counterArgumentsDueAt,
    Instant supplierRepliedAt,
    String supplierReply,
    String decision,
    BigDecimal penaltyAmount,
    String decisionReasons,
    Instant closedAt) {

  public enum Status {
    REPORTED,
    DISMISSED,
    NOTICE_SENT,
    UNDER_EVALUATION,
    DECISION_PROPOSED,
    CLOSED
  }

  /** Document roles of a complaint's case file. */
  public static final String EVIDENCE = "EVIDENCE";

  public static final String NOTICE = "NOTICE";
  public static final String COUNTER_ARGUMENTS = "COUNTER_ARGUMENTS";
  public static final String DECISION = "DECISION";
}
