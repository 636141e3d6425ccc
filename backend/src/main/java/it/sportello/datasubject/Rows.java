package it.sportello.datasubject;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Rows of our tables as plain JSON values: instants as ISO text, JSON columns as JSON. */
final class Rows {

  private final NamedParameterJdbcTemplate jdbc;
  private final ObjectMapper json;

  Rows(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  List<Map<String, Object>> query(String sql, MapSqlParameterSource params) {
    return jdbc.queryForList(sql, params).stream().map(this::plain).toList();
  }

  /** The rows one by one, as they come from the query (a cursor when the template fetches so). */
  void stream(
      String sql,
      MapSqlParameterSource params,
      java.util.function.Consumer<Map<String, Object>> each) {
    org.springframework.jdbc.core.ColumnMapRowMapper mapper =
        new org.springframework.jdbc.core.ColumnMapRowMapper();
    int[] n = {0};
    jdbc.query(
        sql, params, (java.sql.ResultSet rs) -> each.accept(plain(mapper.mapRow(rs, n[0]++))));
  }

  private Map<String, Object> plain(Map<String, Object> row) {
    Map<String, Object> out = new LinkedHashMap<>();
    row.forEach(
        (column, value) -> {
          if (value instanceof byte[]) {
            return; // files travel as files of the archive, never inside the JSON
          }
          out.put(column, plain(value));
        });
    return out;
  }

  private Object plain(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant().toString();
    }
    if (value != null && value.getClass().getName().equals("org.postgresql.util.PGobject")) {
      // json, jsonb and other types of the driver: their text, JSON parsed
      String text = value.toString();
      if (text != null && (text.startsWith("{") || text.startsWith("["))) {
        try {
          return json.readTree(text);
        } catch (java.io.IOException e) {
          return text;
        }
      }
      return text;
    }
    return value;
  }
}
