package it.sportello.approval;

import it.sportello.casefile.CaseDocument;
import it.sportello.casefile.CaseDocuments;
import it.sportello.casefile.SubjectKind;
import it.sportello.casefile.Timeline;
import it.sportello.shared.ConflictException;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Four-eyes approvals of case-file documents, by hash. */
@Service
public class Approvals {

  public static final String APPROVE = "APPROVE";
  public static final String REJECT = "REJECT";
  private static final Set<String> DECISIONS = Set.of(APPROVE, REJECT);

  private final JdbcTemplate jdbc;
  private final CaseDocuments documents;
  private final Timeline timeline;
  private final Clock clock;

  Approvals(JdbcTemplate jdbc, CaseDocuments documents, Timeline timeline, Clock clock) {
    this.jdbc = jdbc;
    this.documents = documents;
    this.timeline = timeline;
    this.clock = clock;
  }

  /**
   * Asks for an approval of the current version of the role's document, recording its version and
   * hash.
   *
   * @throws ConflictException when the case file has no such document
   */
  @Transactional
  public ApprovalRecord request(
      SubjectKind kind,
      String number,
      String step,
      String approverGroup,
      String documentRole,
      String submittedBy) {
    CaseDocument document =
        documents
            .current(kind, number, documentRole)
            .orElseThrow(
                () ->
                    new ConflictException(
                        409, number + " has no " + documentRole + " document to approve."));
    Long id =
        jdbc.queryForObject(
            """
            insert into sportello.approval (subject_kind, subject_number, step, approver_group,
                document_role, document_id, document_version, sha256, submitted_by, requested_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""",
            Long.class,
            kind.name(),
            number,
            step,
            approverGroup,
            documentRole,
            document.documentId(),
            document.version(),
            document.sha256(),
            submittedBy,
            Timestamp.from(clock.instant()));
    timeline.record(
        kind,
        number,
        "APPROVAL_REQUESTED",
        submittedBy,
        step
            + " by "
            + approverGroup
            + ": "
            + documentRole
            + " v"
            + document.version()
            + " sha256:"
            + document.sha256(),
        document.documentId());
    return get(id);
  }

  public ApprovalRecord get(long id) {
    return jdbc.query("select * from sportello.approval where id = ?", Approvals::row, id).stream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No approval with id " + id));
  }

  /**
   * Whether {@code userId} may decide the approval (four eyes: not the one who submitted it).
   *
   * @throws ConflictException 409 when they may not
   */
  public void checkApprover(long approvalId, String userId) {
    ApprovalRecord approval = get(approvalId);
    if (userId != null && userId.equals(approval.submittedBy())) {
      throw new ConflictException(
          409,
          "Four eyes: "
              + userId
              + " submitted "
              + approval.documentRole()
              + " v"
              + approval.documentVersion()
              + " of "
              + approval.subjectNumber()
              + " and cannot also approve it; another member of '"
              + approval.approverGroup()
              + "' must decide.");
    }
  }

  /**
   * Checks a decision without recording it.
   *
   * @throws InvalidRequestException naming {@code approvalDecision} or {@code comments}
   * @throws ConflictException four eyes, or a document that changed since the request
   */
  public void validate(long approvalId, String userId, String decision, String comments) {
    List<FieldViolation> violations = new ArrayList<>();
    if (decision == null || !DECISIONS.contains(decision)) {
      violations.add(new FieldViolation("approvalDecision", "must be APPROVE or REJECT"));
    }
    if (REJECT.equals(decision) && (comments == null || comments.isBlank())) {
      violations.add(new FieldViolation("comments", "must say why the document is sent back"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    ApprovalRecord approval = get(approvalId);
    if (!approval.pending()) {
      throw new ConflictException(409, "Approval " + approvalId + " was already decided.");
    }
    checkApprover(approvalId, userId);
    if (APPROVE.equals(decision)) {
      String current =
          documents
              .current(approval.subjectKind(), approval.subjectNumber(), approval.documentRole())
              .map(CaseDocument::sha256)
              .orElse(null);
      if (!approval.sha256().equals(current)) {
        throw new ConflictException(
            409,
            "The "
                + approval.documentRole()
                + " document of "
                + approval.subjectNumber()
                + " changed after the approval was asked (v"
                + approval.documentVersion()
                + "); reject it so that the new version is submitted for approval.");
      }
    }
  }

  /** Records the decision (validated again). A retry of the same decision changes nothing. */
  @Transactional
  public ApprovalRecord decide(long approvalId, String userId, String decision, String comments) {
    ApprovalRecord before = get(approvalId);
    if (!before.pending()
        && before.decision().equals(decision)
        && before.decidedBy().equals(userId)) {
      return before;
    }
    validate(approvalId, userId, decision, comments);
    Instant now = clock.instant();
    jdbc.update(
        """
        update sportello.approval set decision = ?, decided_by = ?, decided_at = ?, comments = ?
        where id = ? and decision is null""",
        decision,
        userId,
        Timestamp.from(now),
        comments == null || comments.isBlank() ? null : comments.strip(),
        approvalId);
    ApprovalRecord approval = get(approvalId);
    timeline.record(
        approval.subjectKind(),
        approval.subjectNumber(),
        APPROVE.equals(decision) ? "APPROVED" : "REJECTED",
        userId,
        approval.step()
            + ": "
            + approval.documentRole()
            + " v"
            + approval.documentVersion()
            + " sha256:"
            + approval.sha256()
            + (approval.comments() == null ? "" : " — " + approval.comments()),
        approval.documentId());
    return approval;
  }

  /**
   * Whether the latest decision of the step approved exactly these bytes: an approval of another
   * version, or one followed by a rejection, does not count.
   */
  @Transactional(readOnly = true)
  public boolean isApproved(SubjectKind kind, String number, String step, String sha256) {
    return latestDecision(kind, number, step)
        .map(approval -> approval.approved() && approval.sha256().equals(sha256))
        .orElse(false);
  }

  @Transactional(readOnly = true)
  public Optional<ApprovalRecord> latestDecision(SubjectKind kind, String number, String step) {
    return jdbc
        .query(
            """
            select * from sportello.approval
            where subject_kind = ? and subject_number = ? and step = ? and decision is not null
            order by decided_at desc, id desc limit 1""",
            Approvals::row,
            kind.name(),
            number,
            step)
        .stream()
        .findFirst();
  }

  /** A case file's documents, approvals and timeline, as its page shows them. */
  @Transactional(readOnly = true)
  public CaseFileContents caseFile(SubjectKind kind, String number) {
    return new CaseFileContents(
        documents.list(kind, number), list(kind, number), timeline.entries(kind, number));
  }

  /** The approvals of a case file, oldest first. */
  @Transactional(readOnly = true)
  public List<ApprovalRecord> list(SubjectKind kind, String number) {
    return jdbc.query(
        """
        select * from sportello.approval where subject_kind = ? and subject_number = ?
        order by requested_at, id""",
        Approvals::row,
        kind.name(),
        number);
  }

  private static ApprovalRecord row(ResultSet rs, int n) throws SQLException {
    Timestamp decidedAt = rs.getTimestamp("decided_at");
    return new ApprovalRecord(
        rs.getLong("id"),
        SubjectKind.valueOf(rs.getString("subject_kind")),
        rs.getString("subject_number"),
        rs.getString("step"),
        rs.getString("approver_group"),
        rs.getString("document_role"),
        rs.getLong("document_id"),
        rs.getInt("document_version"),
        rs.getString("sha256"),
        rs.getString("submitted_by"),
        rs.getTimestamp("requested_at").toInstant(),
        rs.getString("decision"),
        rs.getString("decided_by"),
        decidedAt == null ? null : decidedAt.toInstant(),
        rs.getString("comments"));
  }
}
