package it.sportello.datasubject;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Every column of a schema that can hold a person's identifiers as text (text, varchar, char, json,
 * jsonb) or as bytes (bytea), and the count of rows where one occurs.
 */
public final class TextColumns {

  private TextColumns() {}

  public static List<Map<String, Object>> of(NamedParameterJdbcTemplate jdbc) {
    return of(jdbc, "sportello");
  }

  public static List<Map<String, Object>> of(NamedParameterJdbcTemplate jdbc, String schema) {
    return jdbc.queryForList(
        "select c.table_name, c.column_name, c.data_type from information_schema.columns c"
            + " join information_schema.tables t on t.table_schema = c.table_schema"
            + " and t.table_name = c.table_name and t.table_type = 'BASE TABLE'"
            + " where c.table_schema = :schema and c.data_type in ('text', 'character varying',"
            + " 'character', 'json', 'jsonb', 'bytea') order by c.table_name, c.column_name",
        Map.of("schema", schema));
  }

  /** Rows of {@code schema.table} whose {@code column} contains one of {@code needles}. */
  public static long count(
      NamedParameterJdbcTemplate jdbc,
      String schema,
      String table,
      String column,
      String type,
      List<String> needles) {
    String target = quote(schema) + "." + quote(table);
    String col = quote(column);
    String condition =
        "bytea".equals(type)
            ? "exists (select 1 from unnest(cast(:needles as text[])) n"
                + " where position(convert_to(n, 'UTF8') in "
                + col
                + ") > 0)"
            : "exists (select 1 from unnest(cast(:needles as text[])) n"
                + " where strpos(lower(cast("
                + col
                + " as text)), lower(n)) > 0)";
    Long rows =
        jdbc.queryForObject(
            "select count(*) from " + target + " where " + condition,
            new MapSqlParameterSource("needles", needles.toArray(String[]::new)),
            Long.class);
    return rows == null ? 0 : rows;
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
