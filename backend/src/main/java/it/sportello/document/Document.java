package it.sportello.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A document as read back; rows are written by {@link DocumentTables} (insert-if-absent on the
 * hash), so the entity is read-only.
 */
@Entity
@Immutable
@Table(name = "document")
class Document {

  @Id private Long id;

  private String sha256;

  @Column(name = "size_bytes")
  private long sizeBytes;

  @Column(name = "media_type")
  private String mediaType;

  @Column(name = "content_media_type")
  private String contentMediaType;

  @Enumerated(EnumType.STRING)
  @Column(name = "extraction_status")
  private ExtractionStatus extractionStatus;

  @Column(name = "extraction_message")
  private String extractionMessage;

  @Column(name = "extracted_text")
  private String extractedText;

  @JdbcTypeCode(SqlTypes.JSON)
  private Map<String, String> metadata;

  private String signer;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Document() {}

  Long id() {
    return id;
  }

  String extractedText() {
    return extractedText == null ? "" : extractedText;
  }

  /** The document as seen under a name: the name of its link to a record, or none. */
  StoredDocument view(String fileName) {
    return new StoredDocument(
        id,
        sha256,
        sizeBytes,
        mediaType,
        contentMediaType == null ? mediaType : contentMediaType,
        fileName,
        extractionStatus,
        extractionMessage,
        signer,
        metadata == null ? Map.of() : Map.copyOf(metadata),
        createdAt);
  }
}
