package it.sportello.datasubject.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The engine's text about its processes, beyond variables, where a person's identifiers can end up:
 * a business key, a task's name or description typed in Tasklist, a comment, the user operation
 * log's values, a historic variable or detail, an incident's message, a job's or an external task's
 * error message and error details (stack traces). The engine's API cannot change history, so this
 * works on its tables (same database, the engine's schema) with SQL: each text column of the {@code
 * act_hi_*} and {@code act_ru_*} tables has every occurrence of the identifiers replaced by {@code
 * [erased]} (case-insensitive), and the error details and exception stack traces they point to in
 * {@code act_ge_bytearray} likewise. Rows of the kept tickets' process instances are left alone.
 */
final class EngineMentions {

  static final String ERASED = "[erased]";

  /**
   * Where the engine keeps error details and stack traces as bytes: the table that points, its
   * pointing column, its process instance column.
   */
  private static final List<String[]> ERROR_BYTES =
      List.of(
          new String[] {"act_ru_job", "exception_stack_id_", "process_instance_id_"},
          new String[] {"act_hi_job_log", "job_exception_stack_id_", "process_instance_id_"},
          new String[] {"act_ru_ext_task", "error_details_id_", "proc_inst_id_"},
          new String[] {"act_hi_ext_task_log", "error_details_id_", "proc_inst_id_"});

  private final NamedParameterJdbcTemplate jdbc;

  EngineMentions(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Map<String, Integer> anonymise(List<String> keptBusinessKeys, List<String> identifiers) {
    Map<String, Integer> changed = new LinkedHashMap<>();
    List<String> needles =
        identifiers.stream().filter(s -> s != null && s.length() >= 5).distinct().toList();
    if (needles.isEmpty()) {
      return changed;
    }
    String pattern = pattern(needles);
    MapSqlParameterSource p =
        new MapSqlParameterSource("pattern", pattern)
            .addValue("erased", ERASED)
            .addValue("kept", keptBusinessKeys.isEmpty() ? List.of("-none-") : keptBusinessKeys);
    Map<String, Map<String, Object>> tables = new LinkedHashMap<>();
    for (Map<String, Object> column :
        jdbc.queryForList(
            "select c.table_schema, c.table_name, c.column_name, c.data_type"
                + " from information_schema.columns c join information_schema.tables t"
                + " on t.table_schema = c.table_schema and t.table_name = c.table_name"
                + " and t.table_type = 'BASE TABLE'"
                + " where (c.table_name like 'act\\_hi\\_%' or c.table_name like 'act\\_ru\\_%')"
                + " and c.table_schema not in ('pg_catalog', 'information_schema')"
                + " order by c.table_schema, c.table_name, c.ordinal_position",
            Map.of())) {
      String key = column.get("table_schema") + "." + column.get("table_name");
      Map<String, Object> table =
          tables.computeIfAbsent(
              key,
              k -> {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("schema", column.get("table_schema"));
                t.put("name", column.get("table_name"));
                t.put("text", new ArrayList<String>());
                t.put("instance", null);
                return t;
              });
      String name = (String) column.get("column_name");
      String type = (String) column.get("data_type");
      // the column naming the process instance: proc_inst_id_, or process_instance_id_ (jobs)
      if ("proc_inst_id_".equals(name)
          || ("process_instance_id_".equals(name) && table.get("instance") == null)) {
        table.put("instance", name);
      }
      if (type.equals("character varying") || type.equals("text") || type.equals("character")) {
        @SuppressWarnings("unchecked")
        List<String> text = (List<String>) table.get("text");
        text.add(name);
      }
    }
    for (Map<String, Object> table : tables.values()) {
      @SuppressWarnings("unchecked")
      List<String> text = (List<String>) table.get("text");
      if (text.isEmpty()) {
        continue;
      }
      String qualified =
          quote((String) table.get("schema")) + "." + quote((String) table.get("name"));
      String instance = (String) table.get("instance");
      String notKept =
          instance != null
              ? " and ("
                  + quote(instance)
                  + " is null or "
                  + quote(instance)
                  + " not in (select proc_inst_id_ from "
                  + quote((String) table.get("schema"))
                  + ".act_hi_procinst where business_key_ in (:kept)))"
              : "";
      StringBuilder set = new StringBuilder();
      StringBuilder where = new StringBuilder();
      for (String column : text) {
        String col = quote(column);
        if (set.length() > 0) {
          set.append(", ");
          where.append(" or ");
        }
        set.append(col)
            .append(" = case when ")
            .append(col)
            .append(" ~* :pattern then regexp_replace(")
            .append(col)
            .append(", :pattern, :erased, 'gi') else ")
            .append(col)
            .append(" end");
        where.append(col).append(" ~* :pattern");
      }
      int rows =
          jdbc.update(
              "update " + qualified + " set " + set + " where (" + where + ")" + notKept, p);
      if (rows > 0) {
        changed.merge((String) table.get("name"), rows, Integer::sum);
      }
    }
    // error details and stack traces: read and rewritten here (the same pattern in Java), one row
    // at a time: the byte table also holds serialized values, which are no text to match in SQL
    java.util.regex.Pattern compiled =
        java.util.regex.Pattern.compile(
            pattern,
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
    for (String[] pointer : ERROR_BYTES) {
      String schema = schemaOf(tables, pointer[0]);
      if (schema == null) {
        continue;
      }
      String q = quote(schema);
      List<Map<String, Object>> candidates =
          jdbc.queryForList(
              "select b.id_, b.bytes_ from "
                  + q
                  + ".act_ge_bytearray b join "
                  + q
                  + "."
                  + pointer[0]
                  + " r on r."
                  + pointer[1]
                  + " = b.id_ where b.bytes_ is not null and (r."
                  + pointer[2]
                  + " is null or r."
                  + pointer[2]
                  + " not in (select proc_inst_id_ from "
                  + q
                  + ".act_hi_procinst where business_key_ in (:kept)))",
              p);
      int rows = 0;
      for (Map<String, Object> candidate : candidates) {
        String text =
            new String((byte[]) candidate.get("bytes_"), java.nio.charset.StandardCharsets.UTF_8);
        String erased =
            compiled.matcher(text).replaceAll(java.util.regex.Matcher.quoteReplacement(ERASED));
        if (!erased.equals(text)) {
          rows +=
              jdbc.update(
                  "update " + q + ".act_ge_bytearray set bytes_ = :bytes where id_ = :id",
                  new MapSqlParameterSource("id", candidate.get("id_"))
                      .addValue("bytes", erased.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
      }
      if (rows > 0) {
        changed.merge("act_ge_bytearray (" + pointer[0] + ")", rows, Integer::sum);
      }
    }
    // a comment's full text is kept as bytes beside its message
    String comments = schemaOf(tables, "act_hi_comment");
    if (comments != null) {
      String q = quote(comments);
      int rows =
          jdbc.update(
              "update "
                  + q
                  + ".act_hi_comment set full_msg_ = convert_to(regexp_replace("
                  + "convert_from(full_msg_, 'UTF8'), :pattern, :erased, 'gi'), 'UTF8')"
                  + " where full_msg_ is not null and convert_from(full_msg_, 'UTF8') ~* :pattern"
                  + " and (proc_inst_id_ is null or proc_inst_id_ not in (select proc_inst_id_ from "
                  + q
                  + ".act_hi_procinst where business_key_ in (:kept)))",
              p);
      if (rows > 0) {
        changed.merge("act_hi_comment (full text)", rows, Integer::sum);
      }
    }
    return changed;
  }

  private static String schemaOf(Map<String, Map<String, Object>> tables, String table) {
    return tables.values().stream()
        .filter(t -> table.equals(t.get("name")))
        .map(t -> (String) t.get("schema"))
        .findFirst()
        .orElse(null);
  }

  /** One case-insensitive alternation of the identifiers, each escaped for PostgreSQL's regex. */
  static String pattern(List<String> needles) {
    List<String> escaped = new ArrayList<>();
    for (String needle : needles) {
      StringBuilder out = new StringBuilder();
      for (char c : needle.toLowerCase(Locale.ROOT).toCharArray()) {
        if (Character.isLetterOrDigit(c) || c == ' ') {
          out.append(c);
        } else {
          out.append('\\').append(c);
        }
      }
      escaped.add(out.toString());
    }
    return "(" + String.join("|", escaped) + ")";
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
