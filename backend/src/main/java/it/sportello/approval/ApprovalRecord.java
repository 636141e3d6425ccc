package it.sportello.approval;

import it.sportello.casefile.SubjectKind;
import java.time.Instant;

/**
 * An approval asked or given.
 *
 * @param step what the approval is for: {@code REVIEW} (head of office), {@code SIGNATURE} (the
 *     manager's signature), {@code DECISION} (a complaint's decision)
 * @param sha256 the SHA-256 of the exact bytes of the document version to approve
 * @param decision {@code APPROVE} or {@code REJECT}; null while pending
 */
public record ApprovalRecord(
    long id,
    SubjectKind subjectKind,
    String subjectNumber,
    String step,
    String approverGroup,
    String documentRole,
    long documentId,
    int documentVersion,
    String sha256,
    String submittedBy,
    Instant requestedAt,
    String decision,
    String decidedBy,
    Instant decidedAt,
    String comments) {

  public boolean pending() {
    return decision == null;
  }

  public boolean approved() {
    return Approvals.APPROVE.equals(decision);
  }
}
