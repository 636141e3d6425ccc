package it.sportello.datasubject;

import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The rows of our tables that are about a person, as SQL parameters: their contacts, their tickets
 * (ids and numbers), e-mail addresses, phone numbers and audit subjects. Empty lists hold a value
 * that matches nothing, so that {@code in (:list)} stays valid SQL.
 */
final class Scope {

  private static final Long NO_ID = -1L;
  private static final String NO_TEXT = "\u0001none";

  final Person person;
  final List<Long> ticketIds;
  final List<String> ticketNumbers;

  private Scope(Person person, List<Long> ticketIds, List<String> ticketNumbers) {
    this.person = person;
    this.ticketIds = ticketIds;
    this.ticketNumbers = ticketNumbers;
  }

  static Scope of(Person person, NamedParameterJdbcTemplate jdbc) {
    MapSqlParameterSource params = new MapSqlParameterSource("contacts", ids(person.contactIds()));
    List<Long> ids =
        jdbc.queryForList(
            "select id from sportello.ticket where requester_id in (:contacts) order by id",
            params,
            Long.class);
    List<String> numbers =
        jdbc.queryForList(
            "select number from sportello.ticket where requester_id in (:contacts) order by id",
            params,
            String.class);
    return new Scope(person, ids, numbers);
  }

  MapSqlParameterSource params() {
    return new MapSqlParameterSource()
        .addValue("contacts", ids(person.contactIds()))
        .addValue("tickets", ids(ticketIds))
        .addValue("numbers", texts(ticketNumbers))
        .addValue("emails", texts(person.emails().stream().map(String::toLowerCase).toList()))
        .addValue("phones", texts(person.phones()))
        .addValue("subjects", texts(person.auditSubjects()));
  }

  static List<Long> ids(List<Long> ids) {
    return ids.isEmpty() ? List.of(NO_ID) : ids;
  }

  static List<String> texts(List<String> texts) {
    return texts.isEmpty() ? List.of(NO_TEXT) : texts;
  }
}
