package it.sportello.document;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored document, without its bytes and text ({@link Documents#content}, {@link
 * Documents#text}).
 *
 * @param mediaType what the bytes are, detected from the content (and the name)
 * @param contentMediaType for a signed envelope ({@code .p7m}) the type of the signed content, else
 *     the same as {@code mediaType}
 * @param fileNames the names the same content arrived with, the first one first
 * @param extractionMessage why the extraction did not give all the text, readable; null when it did
 * @param signer the subject of the signer's certificate of a signed envelope, else null
 * @param metadata a few properties found by the extraction (title, author, dates, pages, picture
 *     size), by Tika's names
 */
public record StoredDocument(
    long id,
    String sha256,
    long size,
    String mediaType,
    String contentMediaType,
    List<String> fileNames,
    ExtractionStatus extractionStatus,
    String extractionMessage,
    String signer,
    Map<String, String> metadata,
    Instant createdAt) {

  /** The first name the content arrived with. */
  public String fileName() {
    return fileNames.isEmpty() ? null : fileNames.get(0);
  }
}
