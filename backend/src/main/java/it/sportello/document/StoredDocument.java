package it.sportello.document;

import java.time.Instant;
import java.util.Map;

/**
 * A stored document, without its bytes and text ({@link Documents#content}, {@link
 * Documents#text}).
 *
 * @param mediaType what the bytes are, detected from the content (and the name)
 * @param contentMediaType for a signed envelope ({@code .p7m}) the type of the signed content, else
 *     the same as {@code mediaType}
 * @param fileName the name of the document where it was read: the name it was stored with (from
 *     {@link Documents#store}) or the name of its link to a record ({@link Documents#linkedTo});
 *     null when read by id alone. A name belongs to the link, not to the bytes: the same content
 *     can be {@code istanza.pdf} in one ticket and {@code ricevuta.pdf} in another.
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
    String fileName,
    ExtractionStatus extractionStatus,
    String extractionMessage,
    String signer,
    Map<String, String> metadata,
    Instant createdAt) {

  /** The same document under another name (or none). */
  public StoredDocument named(String name) {
    return new StoredDocument(
        id,
        sha256,
        size,
        mediaType,
        contentMediaType,
        name,
        extractionStatus,
        extractionMessage,
        signer,
        metadata,
        createdAt);
  }
}
