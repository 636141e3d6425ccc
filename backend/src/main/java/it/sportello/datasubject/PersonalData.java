package it.sportello.datasubject;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Finds a person and their contacts in our tables. */
@Component
public class PersonalData {

  /** The fiscal code's contact and, recursively, the contacts merged into it. */
  private static final String CONTACTS_OF_PERSON =
      """
      with recursive person(id) as (
        select id from sportello.contact where upper(fiscal_code) = :fiscalCode
        union
        select c.id from sportello.contact c join person p on c.merged_into_id = p.id
      )
      select c.id, c.name, c.email, c.pec, c.phone from sportello.contact c
      where c.id in (select id from person) order by c.id
      """;

  private final NamedParameterJdbcTemplate jdbc;

  PersonalData(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One contact that matched a search, with the fiscal code to act on (null: they have none). */
  public record Match(
      long contactId,
      String kind,
      String name,
      String fiscalCode,
      String email,
      String phone,
      Long mergedIntoId,
      long tickets) {}

  /** Contacts by fiscal code, e-mail (also PEC) or phone (also the numbers that called). */
  public List<Match> find(String fiscalCode, String email, String phone) {
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("fiscalCode", normalise(fiscalCode))
            .addValue("email", email == null ? null : email.trim().toLowerCase(Locale.ROOT))
            .addValue("phone", phone == null ? null : phone.replaceAll("[\\s.-]", ""));
    return jdbc.query(
        """
        select c.id, c.kind, c.name, c.fiscal_code, c.email, c.phone, c.merged_into_id,
               (select count(*) from sportello.ticket t where t.requester_id = c.id) as tickets
        from sportello.contact c
        where (cast(:fiscalCode as text) is not null and upper(c.fiscal_code) = :fiscalCode)
           or (cast(:email as text) is not null
               and (lower(c.email) = :email or lower(c.pec) = :email))
           or (cast(:phone as text) is not null
               and (replace(replace(c.phone, ' ', ''), '-', '') = :phone
                    or c.id in (select contact_id from sportello.phone_call
                                where caller_number = :phone and contact_id is not null)))
        order by c.id
        limit 100
        """,
        params,
        (rs, i) ->
            new Match(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("name"),
                rs.getString("fiscal_code"),
                rs.getString("email"),
                rs.getString("phone"),
                (Long) rs.getObject("merged_into_id"),
                rs.getLong("tickets")));
  }

  /** The person with this fiscal code; no contacts when we hold none. */
  public Person person(String fiscalCode) {
    String code = normalise(fiscalCode);
    List<Map<String, Object>> rows =
        jdbc.queryForList(CONTACTS_OF_PERSON, Map.of("fiscalCode", code));
    List<Long> ids = rows.stream().map(r -> ((Number) r.get("id")).longValue()).toList();
    List<String> names = values(rows, "name");
    List<String> emails =
        rows.stream()
            .flatMap(r -> java.util.stream.Stream.of(r.get("email"), r.get("pec")))
            .filter(Objects::nonNull)
            .map(Object::toString)
            .distinct()
            .toList();
    List<String> phones = values(rows, "phone");
    return new Person(code, ids, names, emails, phones);
  }

  static String normalise(String fiscalCode) {
    return fiscalCode == null || fiscalCode.isBlank()
        ? null
        : fiscalCode.trim().toUpperCase(Locale.ROOT);
  }

  private static List<String> values(List<Map<String, Object>> rows, String column) {
    return rows.stream()
        .map(r -> r.get(column))
        .filter(Objects::nonNull)
        .map(Object::toString)
        .filter(s -> !s.isBlank())
        .distinct()
        .toList();
  }
}
