package it.sportello.contact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every row of any module that points to a contact, found through the database's foreign keys to
 * {@code contact(id)}: tickets (requester), interactions, phone calls, letters (correspondent),
 * complaints (supplier, reporter), and whatever a later migration adds with a foreign key. A merge
 * moves them all at once, so that no module can be forgotten: a module that adds a table keyed by
 * contact id gets its rows moved as soon as its migration declares the foreign key.
 */
@Component
class ContactReferences {

  /** The contact module's own references: the duplicate keeps its pointer and its change trail. */
  private static final Set<String> KEPT =
      Set.of("contact.merged_into_id", "contact_change.contact_id");

  private final JdbcTemplate jdbc;

  ContactReferences(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  record Reference(String schema, String table, String column) {
    String name() {
      return table + "." + column;
    }
  }

  /** The columns that reference {@code contact(id)}, by table and column name. */
  List<Reference> all() {
    return jdbc
        .query(
            """
            select n.nspname as schema_name, t.relname as table_name, a.attname as column_name
            from pg_constraint c
            join pg_class t on t.oid = c.conrelid
            join pg_namespace n on n.oid = t.relnamespace
            join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
            where c.contype = 'f' and c.confrelid = 'sportello.contact'::regclass
            order by t.relname, a.attname""",
            (row, i) ->
                new Reference(
                    row.getString("schema_name"),
                    row.getString("table_name"),
                    row.getString("column_name")))
        .stream()
        .filter(reference -> !KEPT.contains(reference.name()))
        .toList();
  }

  /** Points every reference to {@code from} at {@code to}; how many rows moved, per column. */
  Map<String, Integer> move(long from, long to) {
    Map<String, Integer> moved = new LinkedHashMap<>();
    for (Reference reference : all()) {
      int rows =
          jdbc.update(
              "update \"%s\".\"%s\" set \"%s\" = ? where \"%s\" = ?"
                  .formatted(
                      reference.schema(),
                      reference.table(),
                      reference.column(),
                      reference.column()),
              to,
              from);
      if (rows > 0) {
        moved.put(reference.name(), rows);
      }
    }
    return moved;
  }
}
