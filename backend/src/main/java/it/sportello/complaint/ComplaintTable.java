package it.sportello.complaint;

import static it.sportello.shared.DbRows.instant;

import it.sportello.casefile.CaseReader;
import it.sportello.casefile.SubjectKind;
import it.sportello.complaint.Complaint.Status;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The register of proceedings: the table {@code sportello.complaint}, its SQL and its row mapping.
 * No rules: {@link Complaints} decides, this class reads and writes.
 */
@Repository
class ComplaintTable {

  private static final String SELECT =
      """
      select k.*, s.name as supplier_name, r.name as reporter_name from sportello.complaint k
      join sportello.contact s on s.id = k.supplier_id
      left join sportello.contact r on r.id = k.reporter_id""";

  private final JdbcTemplate jdbc;

  ComplaintTable(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A new row in status {@code REPORTED}. */
  record NewComplaint(
      String number,
      long supplierId,
      String supplierAddress,
      String contract,
      String description,
      Long reporterId,
      String reporterAddress,
      String ticketNumber,
      String reportedBy,
      Instant reportedAt) {}

  void insert(NewComplaint row) {
    jdbc.update(
        """
        insert into sportello.complaint (case_number, status, supplier_id, supplier_address,
            contract, description, reporter_id, reporter_address, ticket_number, reported_by,
            reported_at)
        values (?, 'REPORTED', ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        row.number(),
        row.supplierId(),
        row.supplierAddress(),
        row.contract(),
        row.description(),
        row.reporterId(),
        row.reporterAddress(),
        row.ticketNumber(),
        row.reportedBy(),
        Timestamp.from(row.reportedAt()));
  }

  /** The complaint, if {@code reader} may read it. */
  Optional<Complaint> find(String number, CaseReader reader) {
    List<Object> args = new ArrayList<>(List.of(number));
    String scope = scope(reader, args);
    return jdbc
        .query(SELECT + " where k.case_number = ?" + scope, ComplaintTable::row, args.toArray())
        .stream()
        .findFirst();
  }

  /** The complaints {@code reader} may read, newest first. */
  List<Complaint> search(Complaints.Filter filter, CaseReader reader, int limit) {
    StringBuilder where = new StringBuilder(" where true");
    List<Object> args = new ArrayList<>();
    where.append(scope(reader, args));
    if (!blank(filter.supplier())) {
      where.append(" and (s.name ilike ? or s.vat_number = ? or k.supplier_address ilike ?)");
      String like = "%" + filter.supplier().strip().replace("%", "\\%").replace("_", "\\_") + "%";
      args.add(like);
      args.add(filter.supplier().strip());
      args.add(like);
    }
    if (filter.status() != null) {
      where.append(" and k.status = ?");
      args.add(filter.status().name());
    }
    if (filter.from() != null) {
      where.append(" and k.reported_at >= ?");
      args.add(Timestamp.from(filter.from()));
    }
    if (filter.to() != null) {
      where.append(" and k.reported_at < ?");
      args.add(Timestamp.from(filter.to()));
    }
    args.add(limit);
    return jdbc.query(
        SELECT + where + " order by k.reported_at desc, k.id desc limit ?",
        ComplaintTable::row,
        args.toArray());
  }

  /** A complaint involves the offices its ticket was assigned to, when it came from a ticket. */
  private static String scope(CaseReader reader, List<Object> args) {
    return reader.sqlScope(
        SubjectKind.COMPLAINT,
        "k.case_number",
        "k.ticket_number in (select t.number from sportello.ticket t join sportello.ticket_event"
            + " te on te.ticket_id = t.id where te.office in "
            + CaseReader.GROUPS
            + ")",
        args);
  }

  /** Locks the row until the end of the transaction. */
  void lock(String number) {
    jdbc.query(
        "select id from sportello.complaint where case_number = ? for update",
        (rs, n) -> rs.getLong(1),
        number);
  }

  void setDismissalReason(String number, String reason) {
    jdbc.update(
        "update sportello.complaint set dismissal_reason = ? where case_number = ?",
        reason,
        number);
  }

  void dismissed(String number, Instant at) {
    jdbc.update(
        "update sportello.complaint set status = 'DISMISSED', closed_at = ? where case_number = ?",
        Timestamp.from(at),
        number);
  }

  void closed(String number, Instant at) {
    jdbc.update(
        "update sportello.complaint set status = 'CLOSED', closed_at = ? where case_number = ?",
        Timestamp.from(at),
        number);
  }

  void noticeSent(String number, Instant at, Instant counterArgumentsDue) {
    jdbc.update(
        """
        update sportello.complaint set status = 'NOTICE_SENT', notice_sent_at = ?,
            counter_arguments_due_at = ? where case_number = ?""",
        Timestamp.from(at),
        Timestamp.from(counterArgumentsDue),
        number);
  }

  void supplierReplied(String number, Instant at, String text) {
    jdbc.update(
        "update sportello.complaint set supplier_replied_at = ?, supplier_reply = ? where case_number = ?",
        Timestamp.from(at),
        text,
        number);
  }

  void underEvaluation(String number) {
    jdbc.update(
        "update sportello.complaint set status = 'UNDER_EVALUATION' where case_number = ?", number);
  }

  void decisionProposed(String number, String decision, BigDecimal penalty, String reasons) {
    jdbc.update(
        """
        update sportello.complaint set status = 'DECISION_PROPOSED', decision = ?,
            penalty_amount = ?, decision_reasons = ? where case_number = ?""",
        decision,
        penalty,
        reasons,
        number);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static Complaint row(ResultSet rs, int n) throws SQLException {
    return new Complaint(
        rs.getString("case_number"),
        Status.valueOf(rs.getString("status")),
        rs.getLong("supplier_id"),
        rs.getString("supplier_name"),
        rs.getString("supplier_address"),
        rs.getString("contract"),
        rs.getString("description"),
        (Long) rs.getObject("reporter_id"),
        rs.getString("reporter_name"),
        rs.getString("reporter_address"),
        rs.getString("ticket_number"),
        rs.getString("reported_by"),
        instant(rs, "reported_at"),
        rs.getString("dismissal_reason"),
        instant(rs, "notice_sent_at"),
        instant(rs, "counter_arguments_due_at"),
        instant(rs, "supplier_replied_at"),
        rs.getString("supplier_reply"),
        rs.getString("decision"),
        rs.getBigDecimal("penalty_amount"),
        rs.getString("decision_reasons"),
        instant(rs, "closed_at"));
  }
}
