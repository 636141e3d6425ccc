package it.sportello.document;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.TooLargeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The document module's API. Documents are stored once by content: storing the same bytes again
 * (under any name) gives the same document. Names belong to the links between a document and the
 * records it belongs to (a ticket, a case file), never to the bytes: the same content keeps in each
 * record the name it was given there. Storing reads the text of the document (outside any
 * transaction of ours: it may take seconds); whatever goes wrong in the extraction is recorded on
 * the document, never thrown.
 */
@Service
public class Documents {

  private final DocumentTables tables;
  private final DocumentRepository documents;
  private final TextExtractor extractor;
  private final DocumentsProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final MeterRegistry meters;

  Documents(
      DocumentTables tables,
      DocumentRepository documents,
      TextExtractor extractor,
      DocumentsProperties properties,
      PlatformTransactionManager transactionManager,
      Clock clock,
      MeterRegistry meters) {
    this.meters = meters;
    this.tables = tables;
    this.documents = documents;
    this.extractor = extractor;
    this.properties = properties;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** Stores a document of at most {@code sportello.documents.max-size}. */
  public StoredDocument store(String fileName, InputStream content) {
    return store(fileName, content, properties.maxSize().toBytes());
  }

  public StoredDocument store(String fileName, byte[] content) {
    return store(fileName, new ByteArrayInputStream(content));
  }

  /**
   * Stores the content read from the stream (not closed here), or finds it stored already.
   *
   * @param fileName the name it came with, if any, without any directory part: used to detect the
   *     type and returned with the document (for its link), never stored with the bytes
   * @param maxBytes the largest content accepted
   * @throws TooLargeException when the content is larger than {@code maxBytes} (nothing is stored)
   * @throws UncheckedIOException when the stream cannot be read
   */
  public StoredDocument store(String fileName, InputStream content, long maxBytes) {
    String name = FileNames.clean(fileName);
    Path spool = null;
    try {
      spool = Files.createTempFile("sportello-document-", ".bin");
      Spooled spooled = spool(content, spool, maxBytes, name);
      Optional<Long> known = tables.idOf(spooled.sha256());
      if (known.isEmpty()) {
        Extraction extraction = extract(spool, name);
        Path file = spool;
        known =
            transactions.execute(
                status -> {
                  Optional<Long> id =
                      tables.insertIfAbsent(
                          spooled.sha256(), spooled.size(), extraction, clock.instant());
                  id.ifPresent(newId -> tables.insertContent(newId, file, spooled.size()));
                  return id;
                });
        if (known.isPresent()) {
          return get(known.get()).named(name);
        }
        // stored by someone else meanwhile
        known = tables.idOf(spooled.sha256());
      }
      return get(known.orElseThrow()).named(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(spool);
    }
  }

  /** Tika's work, timed by outcome: {@code sportello.documents.extraction}. */
  private Extraction extract(Path spool, String name) {
    Timer.Sample sample = Timer.start(meters);
    Extraction extraction = extractor.extract(spool, name);
    sample.stop(
        Timer.builder("sportello.documents.extraction")
            .description("Type detection and text extraction of a new document")
            .tag("status", extraction.status().name())
            .publishPercentiles(0.5, 0.95, 0.99)
            .register(meters));
    return extraction;
  }

  /**
   * Links the stored document to an interaction, a ticket, … under the name it was stored with;
   * linking twice changes nothing (the first name stays).
   */
  @Transactional
  public void link(StoredDocument document, OwnerKind ownerKind, long ownerId) {
    link(document.id(), ownerKind, ownerId, document.fileName());
  }

  /** Links the document to an owner under the given name (null: none). */
  @Transactional
  public void link(long documentId, OwnerKind ownerKind, long ownerId, String fileName) {
    get(documentId);
    tables.link(documentId, ownerKind, ownerId, FileNames.clean(fileName), clock.instant());
  }

  /** The documents linked to the owner, in the order they were linked, with their names there. */
  @Transactional(readOnly = true)
  public List<StoredDocument> linkedTo(OwnerKind ownerKind, long ownerId) {
    List<DocumentTables.Link> links = tables.linkedTo(ownerKind, ownerId);
    Map<Long, Document> byId =
        documents.findAllById(links.stream().map(DocumentTables.Link::documentId).toList()).stream()
            .collect(Collectors.toMap(Document::id, Function.identity()));
    return links.stream().map(link -> byId.get(link.documentId()).view(link.fileName())).toList();
  }

  /** A document by id, without a name: names belong to its links ({@link #linkedTo}). */
  @Transactional(readOnly = true)
  public StoredDocument get(long id) {
    return find(id).view(null);
  }

  /** The text extracted from the document, possibly partial ({@link StoredDocument}) or empty. */
  @Transactional(readOnly = true)
  public String text(long id) {
    return find(id).extractedText();
  }

  /** The document's bytes, as stored. */
  @Transactional(readOnly = true)
  public InputStream content(long id) {
    return new ByteArrayInputStream(
        tables.content(id).orElseThrow(() -> new NotFoundException("No document with id " + id)));
  }

  private Document find(long id) {
    return documents
        .findById(id)
        .orElseThrow(() -> new NotFoundException("No document with id " + id));
  }

  private record Spooled(String sha256, long size) {}

  /** Copies the content to the file, hashing and counting; stops as soon as it is too large. */
  private static Spooled spool(InputStream content, Path file, long maxBytes, String name)
      throws IOException {
    MessageDigest digest = sha256();
    long size = 0;
    InputStream in = new DigestInputStream(content, digest);
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      int read;
      while ((read = in.read(buffer)) != -1) {
        size += read;
        if (size > maxBytes) {
          throw new TooLargeException(
              (name == null ? "The document" : "The document " + name)
                  + " is larger than "
                  + maxBytes
                  + " bytes.",
              maxBytes);
        }
        out.write(buffer, 0, read);
      }
    }
    return new Spooled(HexFormat.of().formatHex(digest.digest()), size);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file left behind is cleaned with the temporary directory
      }
    }
  }
}
