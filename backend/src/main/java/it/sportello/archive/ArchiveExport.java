package it.sportello.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Writes an archive of Sportello's schema to a stream: {@code data/<table>.csv} for every table
 * (PostgreSQL {@code COPY ... CSV HEADER}, UTF-8, rows in primary-key order so that the same data
 * give the same bytes), {@code documents/<id>} with each document's bytes instead of the {@code
 * document_content} table, {@code data-dictionary.csv} and {@code tables.csv} read from the
 * catalog, and {@code manifest.json} last. Everything is read in one repeatable-read transaction:
 * the archive is one consistent moment even while the application works.
 */
public final class ArchiveExport {

  /** The table whose rows are written as files, one per document. */
  static final String DOCUMENT_CONTENT = "document_content";

  static final ObjectMapper JSON =
      JsonMapper.builder()
          .findAndAddModules()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private final DataSource dataSource;
  private final String schema;
  private final Clock clock;

  public ArchiveExport(DataSource dataSource, String schema, Clock clock) {
    this.dataSource = dataSource;
    this.schema = schema;
    this.clock = clock;
  }

  /**
   * Writes the archive.
   *
   * @param progress told the number of tables written so far, after each
   * @return its manifest
   */
  public ArchiveManifest export(OutputStream out, LongConsumer progress)
      throws IOException, SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      try {
        ArchiveManifest manifest = write(connection, out, progress);
        connection.commit();
        return manifest;
      } catch (IOException | SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private ArchiveManifest write(Connection connection, OutputStream out, LongConsumer progress)
      throws IOException, SQLException {
    SchemaCatalog catalog = SchemaCatalog.read(connection, schema);
    String version = catalog.flywayVersion(connection);
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    PGConnection pg = connection.unwrap(PGConnection.class);
    List<ArchiveManifest.Table> tables = new ArrayList<>();
    List<ArchiveManifest.DocumentFile> documents = new ArrayList<>();
    long done = 0;
    for (SchemaCatalog.Table table : catalog.loadOrder()) {
      List<String> columns = table.dataColumns();
      long rows = catalog.count(connection, table.name());
      if (DOCUMENT_CONTENT.equals(table.name())) {
        documents.addAll(documentFiles(connection, catalog, zip));
        tables.add(new ArchiveManifest.Table(table.name(), null, columns, rows, null));
      } else {
        String file = "data/" + table.name() + ".csv";
        zip.putNextEntry(new ZipEntry(file));
        Digesting entry = new Digesting(zip);
        String list = columns.stream().map(SchemaCatalog::quote).collect(Collectors.joining(", "));
        String order =
            table.primaryKey().isEmpty()
                ? "t::text"
                : table.primaryKey().stream()
                    .map(SchemaCatalog::quote)
                    .collect(Collectors.joining(", "));
        pg.getCopyAPI()
            .copyOut(
                "copy (select "
                    + list
                    + " from "
                    + catalog.qualified(table.name())
                    + " t order by "
                    + order
                    + ") to stdout with (format csv, header true, encoding 'UTF8')",
                entry);
        zip.closeEntry();
        tables.add(new ArchiveManifest.Table(table.name(), file, columns, rows, entry.hex()));
      }
      progress.accept(++done);
    }
    writeText(zip, "data-dictionary.csv", DataDictionary.columns(catalog));
    writeText(zip, "tables.csv", DataDictionary.tables(catalog, tables));
    ArchiveManifest manifest =
        new ArchiveManifest(
            ArchiveManifest.FORMAT,
            "sportello",
            clock.instant(),
            schema,
            version,
            tables,
            documents,
            catalog.sequences(connection));
    zip.putNextEntry(new ZipEntry(ArchiveManifest.NAME));
    zip.write(JSON.writeValueAsBytes(manifest));
    zip.closeEntry();
    zip.finish();
    return manifest;
  }

  private static List<ArchiveManifest.DocumentFile> documentFiles(
      Connection connection, SchemaCatalog catalog, ZipOutputStream zip)
      throws SQLException, IOException {
    List<ArchiveManifest.DocumentFile> files = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select document_id, bytes from "
                + catalog.qualified(DOCUMENT_CONTENT)
                + " order by document_id")) {
      statement.setFetchSize(16); // a cursor: the bytes of a few documents in memory at a time
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          long id = rows.getLong(1);
          String file = "documents/" + id;
          zip.putNextEntry(new ZipEntry(file));
          Digesting entry = new Digesting(zip);
          try (InputStream bytes = rows.getBinaryStream(2)) {
            bytes.transferTo(entry);
          }
          zip.closeEntry();
          files.add(new ArchiveManifest.DocumentFile(id, file, entry.size(), entry.hex()));
        }
      }
    }
    return files;
  }

  private static void writeText(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Passes bytes on to the zip entry (never closing it), counting and hashing them. */
  static final class Digesting extends FilterOutputStream {
    private final MessageDigest digest = sha256();
    private long size;

    Digesting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      digest.update((byte) b);
      size++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      digest.update(b, off, len);
      size += len;
    }

    @Override
    public void close() {
      // the zip entry is closed by the caller
    }

    long size() {
      return size;
    }

    String hex() {
      return HexFormat.of().formatHex(digest.digest());
    }
  }

  static UncheckedIOException unchecked(IOException e) {
    return new UncheckedIOException(e);
  }
}
