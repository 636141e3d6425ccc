package it.sportello.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Sportello's schema as PostgreSQL's catalog describes it: tables, columns (type, nullability,
 * default, generated, comment), primary and foreign keys, sequences and the Flyway version. Read in
 * the caller's transaction.
 */
final class SchemaCatalog {

  static final String FLYWAY_HISTORY = "flyway_schema_history";

  /** The full export's own jobs: operational, not data (their files are on the source host). */
  static final String EXPORT_JOBS = "archive_export_job";

  record Column(
      String name,
      int position,
      String type,
      boolean nullable,
      String defaultValue,
      boolean generated,
      String comment) {}

  record ForeignKey(String name, String definition, String referencedTable) {}

  record Table(
      String name,
      String comment,
      List<Column> columns,
      List<String> primaryKey,
      List<ForeignKey> foreignKeys) {

    /** The columns an export writes and an import loads: all but the generated ones. */
    List<String> dataColumns() {
      return columns.stream().filter(c -> !c.generated()).map(Column::name).toList();
    }
  }

  private final String schema;
  private final List<Table> tables;

  private SchemaCatalog(String schema, List<Table> tables) {
    this.schema = schema;
    this.tables = tables;
  }

  static SchemaCatalog read(Connection connection, String schema) throws SQLException {
    List<Table> tables = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            """
            select c.oid, c.relname, obj_description(c.oid, 'pg_class')
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = ? and c.relkind in ('r', 'p') and not c.relispartition
             order by c.relname""")) {
      statement.setString(1, schema);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          if (FLYWAY_HISTORY.equals(rows.getString(2)) || EXPORT_JOBS.equals(rows.getString(2))) {
            continue; // the target's own migrations wrote it; the exports' jobs are not data
          }
          long oid = rows.getLong(1);
          tables.add(
              new Table(
                  rows.getString(2),
                  rows.getString(3),
                  columns(connection, oid),
                  primaryKey(connection, oid),
                  foreignKeys(connection, oid)));
        }
      }
    }
    return new SchemaCatalog(schema, tables);
  }

  private static List<Column> columns(Connection connection, long oid) throws SQLException {
    List<Column> columns = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            """
            select a.attname, a.attnum, format_type(a.atttypid, a.atttypmod), not a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid), a.attgenerated <> '',
                   col_description(a.attrelid, a.attnum)
              from pg_attribute a
              left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
             where a.attrelid = ? and a.attnum > 0 and not a.attisdropped
             order by a.attnum""")) {
      statement.setLong(1, oid);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          columns.add(
              new Column(
                  rows.getString(1),
                  rows.getInt(2),
                  rows.getString(3),
                  rows.getBoolean(4),
                  rows.getString(5),
                  rows.getBoolean(6),
                  rows.getString(7)));
        }
      }
    }
    return columns;
  }

  private static List<String> primaryKey(Connection connection, long oid) throws SQLException {
    List<String> key = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            """
            select a.attname
              from pg_index i join pg_attribute a on a.attrelid = i.indrelid
                                                  and a.attnum = any (i.indkey::int2[])
             where i.indrelid = ? and i.indisprimary
             order by array_position(i.indkey::int2[], a.attnum)""")) {
      statement.setLong(1, oid);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          key.add(rows.getString(1));
        }
      }
    }
    return key;
  }

  private static List<ForeignKey> foreignKeys(Connection connection, long oid) throws SQLException {
    List<ForeignKey> keys = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            """
            select k.conname, pg_get_constraintdef(k.oid), r.relname
              from pg_constraint k join pg_class r on r.oid = k.confrelid
             where k.conrelid = ? and k.contype = 'f'
             order by k.conname""")) {
      statement.setLong(1, oid);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          keys.add(new ForeignKey(rows.getString(1), rows.getString(2), rows.getString(3)));
        }
      }
    }
    return keys;
  }

  String schema() {
    return schema;
  }

  List<Table> tables() {
    return tables;
  }

  /** How many rows {@code table} holds. */
  long count(Connection connection, String table) throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement("select count(*) from " + qualified(table));
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /**
   * The tables in load order: each after the tables its foreign keys refer to (a reference to
   * itself is checked at the end of the loading statement, so it needs no order).
   *
   * @throws IllegalStateException when the foreign keys form a cycle
   */
  List<Table> loadOrder() {
    Map<String, Table> byName = new LinkedHashMap<>();
    tables.forEach(t -> byName.put(t.name(), t));
    Set<String> done = new LinkedHashSet<>();
    List<Table> order = new ArrayList<>();
    while (order.size() < tables.size()) {
      boolean progress = false;
      for (Table table : tables) {
        if (done.contains(table.name())) {
          continue;
        }
        boolean ready =
            table.foreignKeys().stream()
                .map(ForeignKey::referencedTable)
                .allMatch(
                    r -> r.equals(table.name()) || done.contains(r) || !byName.containsKey(r));
        if (ready) {
          done.add(table.name());
          order.add(table);
          progress = true;
        }
      }
      if (!progress) {
        throw new IllegalStateException(
            "Foreign keys form a cycle among "
                + byName.keySet().stream().filter(n -> !done.contains(n)).toList());
      }
    }
    return order;
  }

  /** Each sequence of the schema with its position. */
  List<ArchiveManifest.Sequence> sequences(Connection connection) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select sequencename from pg_sequences where schemaname = ? order by sequencename")) {
      statement.setString(1, schema);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
    }
    List<ArchiveManifest.Sequence> sequences = new ArrayList<>();
    for (String name : names) {
      try (PreparedStatement statement =
              connection.prepareStatement("select last_value, is_called from " + qualified(name));
          ResultSet rows = statement.executeQuery()) {
        rows.next();
        sequences.add(new ArchiveManifest.Sequence(name, rows.getLong(1), rows.getBoolean(2)));
      }
    }
    return sequences;
  }

  /** The schema's Flyway version (the highest applied), or null before the first migration. */
  String flywayVersion(Connection connection) throws SQLException {
    try (PreparedStatement exists =
        connection.prepareStatement(
            "select 1 from pg_tables where schemaname = ? and tablename = ?")) {
      exists.setString(1, schema);
      exists.setString(2, FLYWAY_HISTORY);
      try (ResultSet rows = exists.executeQuery()) {
        if (!rows.next()) {
          return null;
        }
      }
    }
    List<MigrationVersion> versions = new ArrayList<>();
    try (PreparedStatement statement =
            connection.prepareStatement(
                "select version from "
                    + qualified(FLYWAY_HISTORY)
                    + " where success and version is not null");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        versions.add(MigrationVersion.fromVersion(rows.getString(1)));
      }
    }
    return versions.stream()
        .max(Comparator.naturalOrder())
        .map(MigrationVersion::getVersion)
        .orElse(null);
  }

  String qualified(String name) {
    return quote(schema) + "." + quote(name);
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
