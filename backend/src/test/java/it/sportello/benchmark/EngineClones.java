package it.sportello.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's bulk fill (issue 26 items 3 and 4): copies, in SQL, a few ticket processes the
 * engine started for real (the templates, each waiting at its level-1 task with its SLA timers)
 * into many. Each copy gets its own ticket (our {@code ticket} row and its events, a new id and
 * number) and its own engine rows: every {@code act_ru_*}, {@code act_hi_*} and {@code
 * act_ge_bytearray} row of the template's instance, with every id that belongs to the instance
 * replaced by a new one ({@code md5(<id>-c<n>)} as a UUID) and the business key (and variables
 * holding the ticket number) replaced. The copies are what the engine would have written for the
 * same tickets started at the same instant, so the inbox reads them and the job executor runs their
 * timers like any other; 100,000 take a few minutes (19,798 in 26 s measured) instead of the hours
 * the engine's starts would take on 2 cores. A measurement aid, never used by the application.
 */
final class EngineClones {

  /** Columns holding an id of a row of the instance (mapped to the copy's id). */
  private static final Set<String> ID_COLUMNS =
      Set.of("id_", "var_scope_", "super_exec_", "parent_id_", "resource_id_");

  /** Columns that may hold the ticket's number (the business key, a string variable). */
  private static final Set<String> NUMBER_COLUMNS = Set.of("business_key_", "text_", "text2_");

  private EngineClones() {}

  /**
   * Copies the instances of {@code templates} (ticket numbers whose process waits at its first
   * task) into {@code count} new tickets with ids from {@code firstTicketId}; returns the rows
   * written per table.
   */
  static Map<String, Integer> copy(
      Connection db, List<String> templates, int count, long firstTicketId) throws SQLException {
    Map<String, Integer> written = new LinkedHashMap<>();
    try (Statement statement = db.createStatement()) {
      statement.execute("drop table if exists pg_temp.clone_template, pg_temp.clone_map");
      statement.execute("drop table if exists pg_temp.clone_owned");
      statement.execute(
          "create temp table clone_template (k int, pi varchar(64), number varchar(64), ticket_id"
              + " bigint)");
    }
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into clone_template select ?, e.id_, e.business_key_, t.id from"
                + " act_ru_execution e join sportello.ticket t on t.number = e.business_key_"
                + " where e.id_ = e.proc_inst_id_ and e.business_key_ = ?")) {
      for (int k = 0; k < templates.size(); k++) {
        insert.setInt(1, k);
        insert.setString(2, templates.get(k));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (Statement statement = db.createStatement()) {
      int found = count(statement, "select count(*) from clone_template");
      if (found == 0) {
        throw new IllegalStateException("no template instance found");
      }
      statement.execute(
          "create temp table clone_map as select t.pi as template_pi, t.number as template_number,"
              + " t.ticket_id as template_ticket_id, "
              + firstTicketId
              + " + g.n as ticket_id, 'BN-' || ("
              + firstTicketId
              + " + g.n) as number, '-c' || g.n as suffix from generate_series(0, "
              + (count - 1)
              + ") g(n) join clone_template t on t.k = g.n % "
              + found);
      statement.execute("create index on clone_map (template_pi)");
      // every id that belongs to a template instance, with its instance
      statement.execute(
          "create temp table clone_owned (id varchar(255) primary key, template_pi varchar(64))");
      List<String> tables = engineTables(db);
      for (String table : tables) {
        String link = link(db, table);
        if (link != null && !link.equals("task_id_") && !link.equals("resource_id_")) {
          statement.execute(
              "insert into clone_owned select s.id_, t.pi from "
                  + table
                  + " s join clone_template t on t.pi = s."
                  + link
                  + " on conflict do nothing");
        }
      }
      // activity instance ids (history may not keep a row for them) and byte arrays of variables
      statement.execute(
          "insert into clone_owned select distinct e.act_inst_id_, t.pi from act_ru_execution e"
              + " join clone_template t on t.pi = e.proc_inst_id_ where e.act_inst_id_ is not null"
              + " on conflict do nothing");
      statement.execute(
          "insert into clone_owned select v.bytearray_id_, t.pi from act_ru_variable v join"
              + " clone_template t on t.pi = v.proc_inst_id_ where v.bytearray_id_ is not null on"
              + " conflict do nothing");
      statement.execute(
          "insert into clone_owned select v.bytearray_id_, t.pi from act_hi_varinst v join"
              + " clone_template t on t.pi = v.proc_inst_id_ where v.bytearray_id_ is not null on"
              + " conflict do nothing");
      statement.execute("analyze clone_owned");
      statement.execute("analyze clone_map");

      // our rows first: the tickets and their events
      written.put(
          "sportello.ticket",
          statement.executeUpdate(
              copySql(
                  db,
                  "sportello",
                  "ticket",
                  "join clone_map m on m.template_number = s.number",
                  Map.of("id", "m.ticket_id", "number", "m.number", "idempotency_key", "null"))));
      written.put(
          "sportello.ticket_event",
          statement.executeUpdate(
              copySql(
                  db,
                  "sportello",
                  "ticket_event",
                  "join clone_map m on m.template_ticket_id = s.ticket_id",
                  nullable("id", null, "ticket_id", "m.ticket_id"))));
      BenchmarkData.setTicketSequence(db);

      // the engine's rows: parents before children (foreign keys)
      List<String> ordered = new ArrayList<>();
      for (String first : List.of("act_ge_bytearray", "act_ru_execution", "act_ru_task")) {
        if (tables.contains(first)) {
          ordered.add(first);
        }
      }
      tables.stream().filter(table -> !ordered.contains(table)).forEach(ordered::add);
      for (String table : ordered) {
        String link = table.equals("act_ge_bytearray") ? "id_" : link(db, table);
        if (link == null) {
          continue;
        }
        Map<String, String> expressions = new LinkedHashMap<>();
        for (String[] column : columns(db, "public", table)) {
          String name = column[0];
          boolean text = column[1].contains("char") || column[1].equals("text");
          if (name.equals("id_")) {
            // a copied row's own id: always new (an identity link's or authorization's id is
            // referenced by nothing, so it is not in clone_owned)
            expressions.put(name, "md5(s.id_ || m.suffix)::uuid::text");
          } else if (text && (ID_COLUMNS.contains(name) || name.endsWith("_id_"))) {
            expressions.put(
                name,
                "case when s."
                    + name
                    + " in (select id from clone_owned) then md5(s."
                    + name
                    + " || m.suffix)::uuid::text else s."
                    + name
                    + " end");
          } else if (text && NUMBER_COLUMNS.contains(name)) {
            expressions.put(
                name,
                "case when s."
                    + name
                    + " = m.template_number then m.number else s."
                    + name
                    + " end");
          }
        }
        int rows =
            statement.executeUpdate(
                copySql(
                    db,
                    "public",
                    table,
                    "join clone_owned o on o.id = s."
                        + link
                        + " join clone_map m on m.template_pi = o.template_pi",
                    expressions));
        if (rows > 0) {
          written.put(table, rows);
        }
      }
      statement.execute("drop table clone_owned, clone_map, clone_template");
      // the inbox read model (ADR 0035) is written by the engine's task events, which SQL copies do
      // not raise: the same statements the application runs at start add the copies' rows
      List<String> rebuild = statements("inbox-rebuild.sql");
      int inbox = statement.executeUpdate(rebuild.get(0));
      List<String> missing = new ArrayList<>();
      try (ResultSet ids = statement.executeQuery(rebuild.get(1))) {
        while (ids.next()) {
          missing.add(ids.getString(1));
        }
      }
      try (java.sql.PreparedStatement rows =
          db.prepareStatement(statements("inbox-rows.sql").get(0))) {
        rows.setArray(1, db.createArrayOf("varchar", missing.toArray()));
        rows.setArray(2, db.createArrayOf("varchar", new Object[0]));
        inbox += rows.executeUpdate();
      }
      written.put("sportello.inbox_task", inbox);
    }
    return written;
  }

  /**
   * The statements of one of the inbox read model's SQL files (main resources, worklist.process).
   */
  private static List<String> statements(String file) {
    String resource = "it/sportello/worklist/process/" + file;
    // the benchmark runs with the test classes and the dependencies only: read the source file
    java.nio.file.Path source = java.nio.file.Path.of("backend/src/main/resources", resource);
    try (java.io.InputStream in =
        java.nio.file.Files.exists(source)
            ? java.nio.file.Files.newInputStream(source)
            : EngineClones.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing");
      }
      String sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return java.util.Arrays.stream(sql.split("(?m)^;\\s*$"))
          .map(String::strip)
          .filter(part -> !part.isEmpty())
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The engine's tables with an {@code id_} column. */
  private static List<String> engineTables(Connection db) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement statement = db.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select c.table_name from information_schema.columns c join"
                    + " information_schema.tables t on t.table_schema = c.table_schema and"
                    + " t.table_name = c.table_name where c.table_schema = 'public' and"
                    + " t.table_type = 'BASE TABLE' and c.column_name = 'id_' and (c.table_name"
                    + " like 'act\\_ru\\_%' or c.table_name like 'act\\_hi\\_%' or c.table_name ="
                    + " 'act_ge_bytearray') order by c.table_name")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }

  /** The column tying a table's rows to their instance (or task), or null. */
  private static String link(Connection db, String table) throws SQLException {
    List<String> names = columns(db, "public", table).stream().map(c -> c[0]).toList();
    for (String candidate :
        List.of("proc_inst_id_", "process_instance_id_", "task_id_", "resource_id_")) {
      if (names.contains(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static List<String[]> columns(Connection db, String schema, String table)
      throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (PreparedStatement statement =
        db.prepareStatement(
            "select column_name, data_type from information_schema.columns where table_schema = ?"
                + " and table_name = ? and is_generated = 'NEVER' order by ordinal_position")) {
      statement.setString(1, schema);
      statement.setString(2, table);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          columns.add(
              new String[] {
                rows.getString(1).toLowerCase(Locale.ROOT),
                rows.getString(2).toLowerCase(Locale.ROOT)
              });
        }
      }
    }
    return columns;
  }

  /**
   * {@code insert into schema.table (columns) select <expressions> from schema.table s <join>}; a
   * column mapped to null in {@code replaced} is left out (its default, e.g. a serial id).
   */
  private static String copySql(
      Connection db, String schema, String table, String join, Map<String, String> replaced)
      throws SQLException {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (String[] column : columns(db, schema, table)) {
      String name = column[0];
      if (replaced.containsKey(name) && replaced.get(name) == null) {
        continue;
      }
      names.add(name);
      values.add(replaced.getOrDefault(name, "s." + name));
    }
    return "insert into "
        + schema
        + "."
        + table
        + " ("
        + String.join(", ", names)
        + ") select "
        + String.join(", ", values)
        + " from "
        + schema
        + "."
        + table
        + " s "
        + join;
  }

  private static Map<String, String> nullable(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static int count(Statement statement, String sql) throws SQLException {
    try (ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getInt(1);
    }
  }
}
