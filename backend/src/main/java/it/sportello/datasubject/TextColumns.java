package it.sportello.datasubject;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Every column of a schema that can hold a person's identifiers as text (text, varchar, char, json,
 * jsonb) or as bytes (bytea), and the count of rows where one occurs. {@link #tables} covers our
 * schema and the process engine's tables ({@code act_*}, in the database's default schema).
 */
public final class TextColumns {

  private TextColumns() {}

  /** A table and its text-like columns (name → data type). */
  public record Table(String schema, String name, Map<String, String> columns) {}

  /** Our tables and the engine's ({@code act_hi_*}, {@code act_ru_*}, {@code act_ge_*}, ...). */
  public static List<Table> tables(NamedParameterJdbcTemplate jdbc) {
    Map<List<String>, Map<String, String>> byTable = new java.util.LinkedHashMap<>();
    jdbc.query(
        "select c.table_schema, c.table_name, c.column_name, c.data_type"
            + " from information_schema.columns c join information_schema.tables t"
            + " on t.table_schema = c.table_schema and t.table_name = c.table_name"
            + " and t.table_type = 'BASE TABLE'"
            + " where (c.table_schema = 'sportello' or c.table_name like 'act\\_%')"
            + " and c.table_schema not in ('pg_catalog', 'information_schema')"
            + " and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb',"
            + " 'bytea') order by c.table_schema, c.table_name, c.column_name",
        rs -> {
          byTable
              .computeIfAbsent(
                  List.of(rs.getString(1), rs.getString(2)), k -> new java.util.LinkedHashMap<>())
              .put(rs.getString(3), rs.getString(4));
        });
    List<Table> tables = new java.util.ArrayList<>();
    byTable.forEach((key, columns) -> tables.add(new Table(key.get(0), key.get(1), columns)));
    return tables;
  }

  /** Per column of {@code table}: rows that contain one of {@code needles}, in one pass. */
  public static Map<String, Long> count(
      NamedParameterJdbcTemplate jdbc, Table table, List<String> needles) {
    List<String> columns = List.copyOf(table.columns().keySet());
    StringBuilder sql = new StringBuilder("select ");
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        sql.append(", ");
      }
      sql.append("count(*) filter (where ")
          .append(condition(columns.get(i), table.columns().get(columns.get(i))))
          .append(")");
    }
    sql.append(" from ").append(quote(table.schema())).append(".").append(quote(table.name()));
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    jdbc.query(
        sql.toString(),
        new MapSqlParameterSource("needles", needles.toArray(String[]::new)),
        rs -> {
          for (int i = 0; i < columns.size(); i++) {
            counts.put(columns.get(i), rs.getLong(i + 1));
          }
        });
    return counts;
  }

  private static String condition(String column, String type) {
    String col = quote(column);
    return "bytea".equals(type)
        ? "exists (select 1 from unnest(cast(:needles as text[])) n"
            + " where position(convert_to(n, 'UTF8') in "
            + col
            + ") > 0)"
        : "exists (select 1 from unnest(cast(:needles as text[])) n"
            + " where strpos(lower(cast("
            + col
            + " as text)), lower(n)) > 0)";
  }

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
    Long rows =
        jdbc.queryForObject(
            "select count(*) from " + target + " where " + condition(column, type),
            new MapSqlParameterSource("needles", needles.toArray(String[]::new)),
            Long.class);
    return rows == null ? 0 : rows;
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
