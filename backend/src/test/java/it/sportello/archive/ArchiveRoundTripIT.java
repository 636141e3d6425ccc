package it.sportello.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import it.sportello.IntegrationTest;
import it.sportello.document.Documents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 25 item 6: the demo data (and this test's ticket and document) exported through the
 * administrators' background export, imported into a second, fresh embedded PostgreSQL, and
 * compared table by table (row counts and checksums computed by SQL on both sides, the archive's
 * CSV checksums against a second export, documents and sequences).
 */
class ArchiveRoundTripIT extends IntegrationTest {

  @Autowired DataSource dataSource;
  @Autowired Documents documents;

  @TempDir Path temp;

  @Test
  void anExportImportedIntoAFreshDatabaseHasTheSameTables() throws Exception {
    ResponseEntity<JsonNode> ticket =
        post(
            "/api/tickets",
            "operator1",
            ticketRequest(fiscalCode(), "Archivio: prova di migrazione"));
    assertThat(ticket.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    byte[] content = ("documento " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    documents.store("migrazione.txt", content);

    // the background export, as an administrator
    assertThat(post("/api/admin/archive/exports", "operator1", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> started = post("/api/admin/archive/exports", "admin", null);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String id = started.getBody().path("id").asText();
    await()
        .atMost(Duration.ofMinutes(3))
        .until(
            () -> get("/api/admin/archive/exports/" + id, "admin").getBody().path("state").asText(),
            state -> state.equals("DONE") || state.equals("FAILED"));
    JsonNode job = get("/api/admin/archive/exports/" + id, "admin").getBody();
    assertThat(job.path("state").asText()).as(job.path("error").asText()).isEqualTo("DONE");
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("admin", "demo");
    ResponseEntity<byte[]> download =
        rest.exchange(
            "/api/admin/archive/exports/" + id + "/file",
            HttpMethod.GET,
            new HttpEntity<>(headers),
            byte[].class);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    Path archive = temp.resolve("sportello.zip");
    Files.write(archive, download.getBody());

    ArchiveManifest exported;
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      exported = ArchiveImport.manifest(zip);
      assertThat(zip.getEntry("data-dictionary.csv")).isNotNull();
      String dictionary =
          new String(
              zip.getInputStream(zip.getEntry("data-dictionary.csv")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(dictionary)
          .startsWith(
              "table,column,position,type,nullable,default,generated,primary_key,foreign_key,comment\r\n")
          .contains("ticket,id,1,bigint,NO");
    }
    assertThat(exported.schemaVersion()).isNotBlank();
    assertThat(exported.tables())
        .extracting(ArchiveManifest.Table::name)
        .contains("ticket", "contact", "document", "audit_event");
    assertThat(exported.documents()).isNotEmpty();
    Map<String, Long> exportedRows =
        exported.tables().stream()
            .collect(Collectors.toMap(ArchiveManifest.Table::name, ArchiveManifest.Table::rows));
    assertThat(exportedRows.get("ticket")).isPositive();

    Map<String, String> sourceSums = checksums(dataSource, exported);

    try (EmbeddedPostgres fresh =
        EmbeddedPostgres.builder()
            .setPort(0)
            .setDataDirectory(temp.resolve("fresh"))
            .setCleanDataDirectory(true)
            .setServerConfig("timezone", "UTC")
            .start()) {
      DataSource target = fresh.getPostgresDatabase();
      ArchiveImport.Result result = ArchiveImportCommand.run(target, archive);
      assertThat(result.schemaVersion()).isEqualTo(exported.schemaVersion());

      // every table: the same rows by SQL checksum, counted
      assertThat(checksums(target, exported)).isEqualTo(sourceSums);

      // a second export of the target: the same CSV bytes, documents and sequences
      Path again = temp.resolve("again.zip");
      ArchiveManifest reexported;
      try (var out = Files.newOutputStream(again)) {
        reexported = new ArchiveExport(target, "sportello", Clock.systemUTC()).export(out, n -> {});
      }
      assertThat(reexported.tables())
          .usingRecursiveFieldByFieldElementComparator()
          .isEqualTo(exported.tables());
      assertThat(reexported.documents()).isEqualTo(exported.documents());
      assertThat(reexported.sequences()).isEqualTo(exported.sequences());

      // the same archive again: the target holds data now
      assertThatThrownBy(() -> ArchiveImportCommand.run(target, archive))
          .isInstanceOf(ArchiveRefusedException.class)
          .hasMessageContaining("not a fresh instance")
          .hasMessageContaining("ticket");
    }

    // a target at another schema version is refused before anything is written
    try (EmbeddedPostgres older =
        EmbeddedPostgres.builder()
            .setPort(0)
            .setDataDirectory(temp.resolve("older"))
            .setCleanDataDirectory(true)
            .start()) {
      DataSource target = older.getPostgresDatabase();
      Flyway.configure()
          .dataSource(target)
          .schemas("sportello")
          .defaultSchema("sportello")
          .locations("classpath:db/migration")
          .target("3")
          .load()
          .migrate();
      assertThatThrownBy(() -> new ArchiveImport(target, "sportello").importArchive(archive))
          .isInstanceOf(ArchiveRefusedException.class)
          .hasMessageContaining("schema version " + exported.schemaVersion())
          .hasMessageContaining("version 3");
    }
  }

  /**
   * Per table: its row count and an MD5 over its rows' text in sorted order, computed by
   * PostgreSQL; the audit trail up to the archive's last row (the download itself was audited after
   * it).
   */
  private static Map<String, String> checksums(DataSource dataSource, ArchiveManifest manifest)
      throws Exception {
    Map<String, String> sums = new LinkedHashMap<>();
    Map<String, ArchiveManifest.Table> tables =
        manifest.tables().stream()
            .collect(Collectors.toMap(ArchiveManifest.Table::name, Function.identity()));
    try (Connection connection = dataSource.getConnection()) {
      for (String table : tables.keySet().stream().sorted().toList()) {
        String where =
            table.equals("audit_event") ? " where seq <= " + tables.get(table).rows() : "";
        String sql =
            "select count(*), coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') from sportello."
                + table
                + " t"
                + where;
        try (PreparedStatement statement = connection.prepareStatement(sql);
            ResultSet rows = statement.executeQuery()) {
          rows.next();
          sums.put(table, rows.getLong(1) + ":" + rows.getString(2));
        }
      }
      try (PreparedStatement statement =
              connection.prepareStatement("select count(*) from sportello.audit_event");
          ResultSet rows = statement.executeQuery()) {
        rows.next();
        assertThat(rows.getLong(1)).isGreaterThanOrEqualTo(tables.get("audit_event").rows());
      }
    }
    assertThat(sums).hasSize(manifest.tables().size());
    List<String> empty =
        sums.entrySet().stream()
            .filter(e -> e.getValue().startsWith("0:"))
            .map(Map.Entry::getKey)
            .toList();
    assertThat(empty).doesNotContain("ticket", "document", "document_content");
    return sums;
  }
}
