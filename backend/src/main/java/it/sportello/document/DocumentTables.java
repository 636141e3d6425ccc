package it.sportello.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL that JPA does not express well: insert-if-absent on the content hash (so that concurrent
 * stores of the same bytes make one row without failing either transaction), bytes streamed from
 * the spooled file, idempotent links. Tables are named with their schema: the connection's search
 * path is Camunda's.
 */
@Component
class DocumentTables {

  private final JdbcTemplate jdbcTemplate;
  private final JdbcClient jdbc;
  private final ObjectMapper json;

  DocumentTables(JdbcTemplate jdbcTemplate, ObjectMapper json) {
    this.jdbcTemplate = jdbcTemplate;
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.json = json;
  }

  Optional<Long> idOf(String sha256) {
    return jdbc.sql("select id from sportello.document where sha256 = :sha256")
        .param("sha256", sha256)
        .query(Long.class)
        .optional();
  }

  /** The new document's id, or empty when a document with this hash exists already. */
  Optional<Long> insertIfAbsent(String sha256, long size, Extraction extraction, Instant now) {
    return jdbc.sql(
            """
            insert into sportello.document (sha256, size_bytes, media_type, content_media_type,
                extraction_status, extraction_message, extracted_text, metadata, signer, created_at)
            values (:sha256, :size, :mediaType, :contentMediaType,
                :status, :message, :text, cast(:metadata as jsonb), :signer, :createdAt)
            on conflict (sha256) do nothing
            returning id
            """)
        .param("sha256", sha256)
        .param("size", size)
        .param("mediaType", extraction.mediaType())
        .param("contentMediaType", extraction.contentMediaType())
        .param("status", extraction.status().name())
        .param("message", extraction.message())
        .param("text", extraction.text())
        .param("metadata", toJson(extraction.metadata()))
        .param(
            "signer",
            extraction.signers().isEmpty() ? null : String.join("; ", extraction.signers()))
        .param("createdAt", Timestamp.from(now))
        .query(Long.class)
        .optional();
  }

  void insertContent(long documentId, Path file, long size) {
    try (InputStream in = Files.newInputStream(file)) {
      jdbcTemplate.update(
          "insert into sportello.document_content (document_id, bytes) values (?, ?)",
          statement -> {
            statement.setLong(1, documentId);
            statement.setBinaryStream(2, in, size);
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A document's link to a record, with the name the document has there. */
  record Link(long documentId, String fileName) {}

  /** Links once: linking the same document to the same record again keeps the first name. */
  void link(long documentId, OwnerKind ownerKind, long ownerId, String fileName, Instant now) {
    jdbc.sql(
            """
            insert into sportello.document_link (document_id, owner_kind, owner_id, file_name, linked_at)
            values (:documentId, :ownerKind, :ownerId, :fileName, :now)
            on conflict do nothing
            """)
        .param("documentId", documentId)
        .param("ownerKind", ownerKind.name())
        .param("ownerId", ownerId)
        .param("fileName", fileName)
        .param("now", Timestamp.from(now))
        .update();
  }

  List<Link> linkedTo(OwnerKind ownerKind, long ownerId) {
    return jdbc.sql(
            """
            select document_id, file_name from sportello.document_link
            where owner_kind = :ownerKind and owner_id = :ownerId
            order by linked_at, document_id
            """)
        .param("ownerKind", ownerKind.name())
        .param("ownerId", ownerId)
        .query((row, number) -> new Link(row.getLong(1), row.getString(2)))
        .list();
  }

  Optional<byte[]> content(long documentId) {
    return jdbc.sql("select bytes from sportello.document_content where document_id = :id")
        .param("id", documentId)
        .query((row, number) -> row.getBytes(1))
        .optional();
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
