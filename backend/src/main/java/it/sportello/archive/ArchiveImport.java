package it.sportello.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads an archive into a fresh instance: a schema migrated to the archive's Flyway version that
 * holds no data except the rows the migrations themselves write ({@link #SEEDED_BY_MIGRATIONS},
 * replaced by the archive's). Every entry's checksum is checked before anything is written; the
 * tables are loaded with {@code COPY ... FROM STDIN} in foreign-key order, the documents from their
 * files, the sequences set to where they were, in one transaction: a failure leaves the target as
 * it was. The search index is not in the archive: the application rebuilds it at its next start (it
 * compares the index with the database).
 */
public final class ArchiveImport {

  private static final Logger log = LoggerFactory.getLogger(ArchiveImport.class);

  /**
   * Tables that migrations fill (reference data): a fresh schema has rows there, the import
   * replaces them. A migration that seeds another table must add it here (the round-trip test fails
   * otherwise, naming the table).
   */
  static final List<String> SEEDED_BY_MIGRATIONS =
      List.of(
          // deleted in this order (the rows that refer to others first)
          "satisfaction_setting",
          "questionnaire_version",
          "questionnaire",
          "distribution_policy",
          "distribution_pause_reason",
          "queue");

  /** What was loaded: rows per table, documents, sequences. */
  public record Result(
      String schemaVersion, Map<String, Long> rows, int documents, int sequences) {}

  private final DataSource dataSource;
  private final String schema;

  public ArchiveImport(DataSource dataSource, String schema) {
    this.dataSource = dataSource;
    this.schema = schema;
  }

  /** Reads the manifest of an archive. */
  public static ArchiveManifest manifest(ZipFile zip) throws IOException {
    ZipEntry entry = zip.getEntry(ArchiveManifest.NAME);
    if (entry == null) {
      throw new ArchiveRefusedException("Not a Sportello archive: no " + ArchiveManifest.NAME);
    }
    try (InputStream in = zip.getInputStream(entry)) {
      ArchiveManifest manifest = ArchiveExport.JSON.readValue(in, ArchiveManifest.class);
      if (manifest.format() != ArchiveManifest.FORMAT) {
        throw new ArchiveRefusedException(
            "Archive format " + manifest.format() + " is not " + ArchiveManifest.FORMAT);
      }
      return manifest;
    }
  }

  public Result importArchive(Path archive) throws IOException, SQLException {
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      ArchiveManifest manifest = manifest(zip);
      verifyChecksums(zip, manifest);
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        try {
          Result result = load(connection, zip, manifest);
          connection.commit();
          return result;
        } catch (IOException | SQLException | RuntimeException e) {
          connection.rollback();
          throw e;
        }
      }
    }
  }

  private static void verifyChecksums(ZipFile zip, ArchiveManifest manifest) throws IOException {
    for (ArchiveManifest.Table table : manifest.tables()) {
      if (table.file() != null) {
        check(zip, table.file(), table.sha256());
      }
    }
    for (ArchiveManifest.DocumentFile document : manifest.documents()) {
      check(zip, document.file(), document.sha256());
    }
  }

  private static void check(ZipFile zip, String file, String sha256) throws IOException {
    ZipEntry entry = zip.getEntry(file);
    if (entry == null) {
      throw new ArchiveRefusedException("Archive damaged: " + file + " is missing");
    }
    var digest = ArchiveExport.sha256();
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] buffer = new byte[65536];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    if (!HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
      throw new ArchiveRefusedException("Archive damaged: the checksum of " + file + " differs");
    }
  }

  private Result load(Connection connection, ZipFile zip, ArchiveManifest manifest)
      throws IOException, SQLException {
    SchemaCatalog catalog = SchemaCatalog.read(connection, schema);
    String version = catalog.flywayVersion(connection);
    if (version == null) {
      throw new ArchiveRefusedException(
          "The target schema "
              + schema
              + " has not been migrated: migrate it to version "
              + manifest.schemaVersion()
              + " first");
    }
    if (!version.equals(manifest.schemaVersion())) {
      throw new ArchiveRefusedException(
          "The archive is of schema version "
              + manifest.schemaVersion()
              + ", the target is at version "
              + version
              + ": import into an instance at the same version");
    }
    Map<String, SchemaCatalog.Table> targetTables =
        catalog.tables().stream()
            .collect(
                Collectors.toMap(
                    SchemaCatalog.Table::name, t -> t, (a, b) -> a, LinkedHashMap::new));
    List<String> holdingData = new ArrayList<>();
    for (String table : targetTables.keySet()) {
      if (!SEEDED_BY_MIGRATIONS.contains(table) && catalog.count(connection, table) > 0) {
        holdingData.add(table);
      }
    }
    if (!holdingData.isEmpty()) {
      throw new ArchiveRefusedException(
          "The target is not a fresh instance: these tables hold data: "
              + String.join(", ", holdingData));
    }
    for (ArchiveManifest.Table table : manifest.tables()) {
      SchemaCatalog.Table target = targetTables.get(table.name());
      if (target == null || !target.dataColumns().containsAll(table.columns())) {
        throw new ArchiveRefusedException(
            "The target's table " + table.name() + " does not have the archive's columns");
      }
    }
    for (String seeded : SEEDED_BY_MIGRATIONS) {
      if (targetTables.containsKey(seeded)) {
        try (PreparedStatement statement =
            connection.prepareStatement("delete from " + catalog.qualified(seeded))) {
          statement.executeUpdate();
        }
      }
    }
    PGConnection pg = connection.unwrap(PGConnection.class);
    Map<String, Long> loaded = new LinkedHashMap<>();
    for (ArchiveManifest.Table table : manifest.tables()) {
      long rows;
      if (table.file() == null) {
        rows = loadDocuments(connection, catalog, zip, manifest.documents());
      } else {
        String columns =
            table.columns().stream().map(SchemaCatalog::quote).collect(Collectors.joining(", "));
        try (InputStream in = zip.getInputStream(zip.getEntry(table.file()))) {
          rows =
              pg.getCopyAPI()
                  .copyIn(
                      "copy "
                          + catalog.qualified(table.name())
                          + " ("
                          + columns
                          + ") from stdin with (format csv, header true, encoding 'UTF8')",
                      in);
        }
      }
      if (rows != table.rows()) {
        throw new ArchiveRefusedException(
            "Table "
                + table.name()
                + ": "
                + rows
                + " rows loaded, the manifest says "
                + table.rows());
      }
      loaded.put(table.name(), rows);
    }
    for (ArchiveManifest.Sequence sequence : manifest.sequences()) {
      // sequences made while running (ticket_number_<year>) do not exist in a fresh schema
      try (PreparedStatement statement =
          connection.prepareStatement(
              "create sequence if not exists "
                  + catalog.qualified(sequence.name())
                  + " as bigint")) {
        statement.execute();
      }
      try (PreparedStatement statement =
          connection.prepareStatement("select setval(?::regclass, ?, ?)")) {
        statement.setString(1, catalog.qualified(sequence.name()));
        statement.setLong(2, sequence.lastValue());
        statement.setBoolean(3, sequence.called());
        statement.execute();
      }
    }
    log.info(
        "Archive of {} imported: {} tables, {} documents, {} sequences",
        manifest.createdAt(),
        loaded.size(),
        manifest.documents().size(),
        manifest.sequences().size());
    return new Result(version, loaded, manifest.documents().size(), manifest.sequences().size());
  }

  private static long loadDocuments(
      Connection connection,
      SchemaCatalog catalog,
      ZipFile zip,
      List<ArchiveManifest.DocumentFile> documents)
      throws SQLException, IOException {
    long rows = 0;
    try (PreparedStatement statement =
        connection.prepareStatement(
            "insert into "
                + catalog.qualified(ArchiveExport.DOCUMENT_CONTENT)
                + " (document_id, bytes) values (?, ?)")) {
      for (ArchiveManifest.DocumentFile document : documents) {
        try (InputStream in = zip.getInputStream(zip.getEntry(document.file()))) {
          statement.setLong(1, document.id());
          statement.setBinaryStream(2, in, document.size());
          rows += statement.executeUpdate();
        }
      }
    }
    return rows;
  }
}
