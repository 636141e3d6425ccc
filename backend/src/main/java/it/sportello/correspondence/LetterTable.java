package it.sportello.correspondence;

import static it.sportello.shared.DbRows.instant;

import it.sportello.casefile.CaseReader;
import it.sportello.casefile.SubjectKind;
import it.sportello.correspondence.LetterTypes.Direction;
import it.sportello.correspondence.LetterTypes.SendBy;
import it.sportello.correspondence.LetterTypes.Status;
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
 * The protocol register: the table {@code sportello.letter}, its SQL and its row mapping. No rules:
 * {@link Letters} decides, this class reads and writes.
 */
@Repository
class LetterTable {

  private static final String SELECT =
      """
      select l.*, c.name as correspondent_name from sportello.letter l
      join sportello.contact c on c.id = l.correspondent_id""";

  private final JdbcTemplate jdbc;

  LetterTable(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A new row in status {@code REGISTERED}. */
  record NewLetter(
      String number,
      Direction direction,
      String subject,
      String classification,
      long correspondentId,
      String office,
      SendBy sendBy,
      String recipientAddress,
      String ticketNumber,
      String registeredBy,
      Instant registeredAt,
      Instant answerDueAt,
      Instant answerReminderAt) {}

  void insert(NewLetter row) {
    jdbc.update(
        """
        insert into sportello.letter (protocol_number, direction, status, subject, classification,
            correspondent_id, office, send_by, recipient_address, ticket_number, registered_by,
            registered_at, answer_due_at, answer_reminder_at)
        values (?, ?, 'REGISTERED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        row.number(),
        row.direction().name(),
        row.subject(),
        row.classification(),
        row.correspondentId(),
        row.office(),
        row.sendBy().name(),
        row.recipientAddress(),
        row.ticketNumber(),
        row.registeredBy(),
        Timestamp.from(row.registeredAt()),
        Timestamp.from(row.answerDueAt()),
        Timestamp.from(row.answerReminderAt()));
  }

  /** The letter, if {@code reader} may read it. */
  Optional<Letter> find(String number, CaseReader reader) {
    List<Object> args = new ArrayList<>(List.of(number));
    String scope = scope(reader, args);
    return jdbc
        .query(SELECT + " where l.protocol_number = ?" + scope, LetterTable::row, args.toArray())
        .stream()
        .findFirst();
  }

  /** A letter involves the office it is assigned to. */
  private static String scope(CaseReader reader, List<Object> args) {
    return reader.sqlScope(
        SubjectKind.LETTER, "l.protocol_number", "l.office in " + CaseReader.GROUPS, args);
  }

  /** The letters {@code reader} may read, newest first. */
  List<Letter> search(Letters.Filter filter, CaseReader reader, int limit) {
    StringBuilder where = new StringBuilder(" where true");
    List<Object> args = new ArrayList<>();
    where.append(scope(reader, args));
    if (filter.status() != null) {
      where.append(" and l.status = ?");
      args.add(filter.status().name());
    }
    if (filter.direction() != null) {
      where.append(" and l.direction = ?");
      args.add(filter.direction().name());
    }
    if (filter.office() != null && !filter.office().isBlank()) {
      where.append(" and l.office = ?");
      args.add(filter.office());
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      where.append(
          " and (l.protocol_number ilike ? or l.subject ilike ? or c.name ilike ?"
              + " or l.classification ilike ?)");
      String like = "%" + filter.text().strip().replace("%", "\\%").replace("_", "\\_") + "%";
      args.add(like);
      args.add(like);
      args.add(like);
      args.add(like);
    }
    if (filter.from() != null) {
      where.append(" and l.registered_at >= ?");
      args.add(Timestamp.from(filter.from()));
    }
    if (filter.to() != null) {
      where.append(" and l.registered_at < ?");
      args.add(Timestamp.from(filter.to()));
    }
    args.add(limit);
    return jdbc.query(
        SELECT + where + " order by l.registered_at desc, l.id desc limit ?",
        LetterTable::row,
        args.toArray());
  }

  /** Locks the row until the end of the transaction. */
  void lock(String number) {
    jdbc.query(
        "select id from sportello.letter where protocol_number = ? for update",
        (rs, n) -> rs.getLong(1),
        number);
  }

  void inApproval(String number) {
    jdbc.update(
        "update sportello.letter set status = 'IN_APPROVAL' where protocol_number = ?", number);
  }

  void sent(String number, Instant at, String messageId) {
    jdbc.update(
        """
        update sportello.letter set status = 'SENT', sent_at = ?, sent_message_id = ?
        where protocol_number = ?""",
        Timestamp.from(at),
        messageId,
        number);
  }

  void archived(String number, Instant at) {
    jdbc.update(
        "update sportello.letter set status = 'ARCHIVED', archived_at = ? where protocol_number = ?",
        Timestamp.from(at),
        number);
  }

  void overdue(String number) {
    jdbc.update("update sportello.letter set overdue = true where protocol_number = ?", number);
  }

  private static Letter row(ResultSet rs, int n) throws SQLException {
    return new Letter(
        rs.getString("protocol_number"),
        Direction.valueOf(rs.getString("direction")),
        Status.valueOf(rs.getString("status")),
        rs.getString("subject"),
        rs.getString("classification"),
        rs.getLong("correspondent_id"),
        rs.getString("correspondent_name"),
        rs.getString("office"),
        SendBy.valueOf(rs.getString("send_by")),
        rs.getString("recipient_address"),
        rs.getString("ticket_number"),
        rs.getString("registered_by"),
        instant(rs, "registered_at"),
        instant(rs, "answer_due_at"),
        instant(rs, "answer_reminder_at"),
        rs.getBoolean("overdue"),
        instant(rs, "sent_at"),
        rs.getString("sent_message_id"),
        instant(rs, "archived_at"));
  }
}
