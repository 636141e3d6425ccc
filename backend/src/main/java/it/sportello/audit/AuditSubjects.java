package it.sportello.audit;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The person a resource concerns, for the audit's {@code subject}: the requester's fiscal code, or
 * {@code contact:<id>} when they have none; null when the resource concerns no known person.
 */
@Component
public class AuditSubjects {

  private final JdbcTemplate jdbc;

  AuditSubjects(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The requester of the ticket with this number. */
  public String ofTicket(String number) {
    return first(
        jdbc.query(
            "select c.fiscal_code, t.requester_id from sportello.ticket t"
                + " left join sportello.contact c on c.id = t.requester_id where t.number = ?",
            (resultSet, row) -> subject(resultSet.getString(1), resultSet.getObject(2, Long.class)),
            number));
  }

  /** The contact with this id. */
  public String ofContact(long id) {
    return first(
        jdbc.query(
            "select fiscal_code, id from sportello.contact where id = ?",
            (resultSet, row) -> subject(resultSet.getString(1), resultSet.getObject(2, Long.class)),
            id));
  }

  /** The contact of the call with this id, when it is known. */
  public String ofCall(String callId) {
    return first(
        jdbc.query(
            "select c.fiscal_code, c.id from sportello.phone_call p join sportello.contact c on c.id = p.contact_id"
                + " where p.call_id = ?",
            (resultSet, row) -> subject(resultSet.getString(1), resultSet.getObject(2, Long.class)),
            callId));
  }

  static String subject(String fiscalCode, Long contactId) {
    if (fiscalCode != null && !fiscalCode.isBlank()) {
      return fiscalCode;
    }
    return contactId == null ? null : "contact:" + contactId;
  }

  private static String first(List<String> subjects) {
    return subjects.isEmpty() ? null : subjects.get(0);
  }
}
