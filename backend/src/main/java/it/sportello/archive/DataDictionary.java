package it.sportello.archive;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The archive's data dictionary as CSV (RFC 4180 quoting, CRLF line ends): {@code
 * data-dictionary.csv}, one line per column, and {@code tables.csv}, one line per table.
 */
final class DataDictionary {

  private DataDictionary() {}

  static String columns(SchemaCatalog catalog) {
    StringBuilder csv = new StringBuilder();
    line(
        csv,
        "table",
        "column",
        "position",
        "type",
        "nullable",
        "default",
        "generated",
        "primary_key",
        "foreign_key",
        "comment");
    for (SchemaCatalog.Table table : catalog.tables()) {
      for (SchemaCatalog.Column column : table.columns()) {
        String references =
            table.foreignKeys().stream()
                .filter(k -> mentions(k.definition(), column.name()))
                .map(k -> k.name() + ": " + k.definition())
                .collect(Collectors.joining("; "));
        line(
            csv,
            table.name(),
            column.name(),
            String.valueOf(column.position()),
            column.type(),
            column.nullable() ? "YES" : "NO",
            column.defaultValue(),
            column.generated() ? "YES" : "NO",
            table.primaryKey().contains(column.name())
                ? String.valueOf(table.primaryKey().indexOf(column.name()) + 1)
                : "",
            references,
            column.comment());
      }
    }
    return csv.toString();
  }

  static String tables(SchemaCatalog catalog, List<ArchiveManifest.Table> exported) {
    Map<String, ArchiveManifest.Table> byName =
        exported.stream().collect(Collectors.toMap(ArchiveManifest.Table::name, t -> t));
    StringBuilder csv = new StringBuilder();
    line(csv, "table", "rows", "file", "primary_key", "foreign_keys", "comment");
    for (SchemaCatalog.Table table : catalog.tables()) {
      ArchiveManifest.Table entry = byName.get(table.name());
      line(
          csv,
          table.name(),
          entry == null ? "" : String.valueOf(entry.rows()),
          entry == null || entry.file() == null ? "documents/<document_id>" : entry.file(),
          String.join(", ", table.primaryKey()),
          table.foreignKeys().stream()
              .map(k -> k.name() + ": " + k.definition())
              .collect(Collectors.joining("; ")),
          table.comment());
    }
    return csv.toString();
  }

  private static boolean mentions(String definition, String column) {
    // "FOREIGN KEY (a, b) REFERENCES t(x, y)": the local columns are in the first parentheses
    int open = definition.indexOf('(');
    int close = definition.indexOf(')');
    if (open < 0 || close < open) {
      return false;
    }
    for (String name : definition.substring(open + 1, close).split(",")) {
      if (name.strip().replace("\"", "").equals(column)) {
        return true;
      }
    }
    return false;
  }

  private static void line(StringBuilder csv, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(field(fields[i]));
    }
    csv.append("\r\n");
  }

  static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
