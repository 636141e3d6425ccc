package it.sportello.document;

import it.sportello.document.DocumentsProperties.ExtractionLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.TikaMemoryLimitException;
import org.apache.tika.exception.UnsupportedFormatException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.bouncycastle.cms.CMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Detects what a file is and extracts its text with Apache Tika, within limits (size, characters,
 * embedded documents, compression ratio, time). Never throws: whatever goes wrong becomes a status
 * and a readable message. Signed envelopes ({@code .p7m}) are opened first and their content read.
 *
 * <p>Extractions run on a small pool of daemon threads so that a parser stuck on a hostile file can
 * be abandoned at the timeout; Java cannot stop such a thread, so it may go on until the parser
 * gives up (a separate process, Tika's fork parser or server, would isolate it fully).
 */
@Component
class TextExtractor implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TextExtractor.class);

  private static final String OCTET_STREAM = MediaType.OCTET_STREAM.toString();
  private static final int MAX_MESSAGE = 500;
  private static final int MAX_METADATA_VALUE = 300;

  /** The few properties kept: what identifies a document or describes a picture. */
  private static final List<String> METADATA_KEPT =
      List.of(
          "dc:title",
          "dc:creator",
          "dc:subject",
          "dc:language",
          "dcterms:created",
          "dcterms:modified",
          "xmpTPg:NPages",
          "meta:page-count",
          "tiff:ImageWidth",
          "tiff:ImageLength",
          "tiff:Make",
          "tiff:Model",
          "exif:DateTimeOriginal",
          "Message-From",
          "Message-To");

  private final ExtractionLimits limits;
  private final TikaConfig tika;
  private final AutoDetectParser parser;
  private final ExecutorService executor;

  @Autowired
  TextExtractor(DocumentsProperties properties) {
    this(properties.extraction());
  }

  TextExtractor(ExtractionLimits limits) {
    this.limits = limits;
    this.tika = TikaConfig.getDefaultConfig();
    this.parser = new AutoDetectParser(tika);
    AutoDetectParserConfig config = new AutoDetectParserConfig();
    config.setMaximumCompressionRatio(limits.maxCompressionRatio());
    config.setMaximumPackageEntryDepth(limits.maxEmbeddedDepth() + 1);
    parser.setAutoDetectParserConfig(config);
    this.executor = Executors.newFixedThreadPool(limits.threads(), daemonThreads());
  }

  /**
   * The file's type and text.
   *
   * @param fileName the name it came with (helps detection and opening {@code .p7m}), may be null
   */
  Extraction extract(Path file, String fileName) {
    String mediaType = detect(file, fileName);
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      return Extraction.failed(mediaType, ExtractionStatus.FAILED, "Cannot read the file.");
    }
    if (size > limits.maxSize().toBytes()) {
      return Extraction.failed(
          mediaType,
          ExtractionStatus.TOO_LARGE,
          "The file has "
              + size
              + " bytes, more than the "
              + limits.maxSize().toBytes()
              + " read for text.");
    }
    Future<Extraction> extraction;
    try {
      extraction = executor.submit(() -> extractNow(file, fileName, mediaType));
    } catch (RejectedExecutionException e) {
      return Extraction.failed(mediaType, ExtractionStatus.FAILED, "The extractor is shut down.");
    }
    try {
      return extraction.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      extraction.cancel(true);
      log.warn(
          "Text extraction of {} ({}) stopped after {}", fileName, mediaType, limits.timeout());
      return Extraction.failed(
          mediaType,
          ExtractionStatus.TIMEOUT,
          "The extraction took longer than "
              + limits.timeout().toSeconds()
              + " s and was stopped.");
    } catch (ExecutionException e) {
      return Extraction.failed(mediaType, ExtractionStatus.FAILED, describe(e.getCause()));
    } catch (InterruptedException e) {
      extraction.cancel(true);
      Thread.currentThread().interrupt();
      return Extraction.failed(
          mediaType, ExtractionStatus.FAILED, "The extraction was interrupted.");
    }
  }

  private Extraction extractNow(Path file, String fileName, String mediaType) {
    if (SignedEnvelope.isCandidate(fileName, mediaType)) {
      SignedEnvelope envelope = null;
      try {
        envelope = SignedEnvelope.open(Files.readAllBytes(file));
      } catch (CMSException | IOException | RuntimeException e) {
        if (!mediaType.contains("pkcs7") && !mediaType.startsWith("text/plain")) {
          // named .p7m but something else: read it for what it is
          return parse(file, fileName, mediaType, List.of());
        }
        return Extraction.failed(
            mediaType,
            ExtractionStatus.CORRUPT,
            truncate("The signed envelope (CAdES) cannot be opened: " + e.getMessage()));
      }
      String innerName = SignedEnvelope.innerName(fileName);
      String contentType = detect(envelope.content(), innerName);
      Extraction inner = parse(envelope.content(), innerName, contentType, envelope.signers());
      return new Extraction(
          mediaType,
          contentType,
          inner.status(),
          inner.message(),
          inner.text(),
          inner.signers(),
          inner.metadata());
    }
    return parse(file, fileName, mediaType, List.of());
  }

  private Extraction parse(Object source, String name, String mediaType, List<String> signers) {
    if (!supported(mediaType)) {
      return new Extraction(
          mediaType,
          mediaType,
          ExtractionStatus.UNSUPPORTED,
          "No text can be read from files of type " + mediaType + ".",
          "",
          signers,
          Map.of());
    }
    Metadata metadata = new Metadata();
    if (name != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    }
    ParseContext context = new ParseContext();
    context.set(Parser.class, parser);
    LimitedEmbeddedExtractor embedded =
        new LimitedEmbeddedExtractor(context, limits.maxEmbeddedDepth(), limits.maxEmbeddedCount());
    context.set(EmbeddedDocumentExtractor.class, embedded);
    BodyContentHandler handler = new BodyContentHandler(limits.maxCharacters());
    ExtractionStatus status;
    String message;
    try (InputStream in = open(source)) {
      parser.parse(in, handler, metadata, context);
      status =
          embedded.limitMessage() == null ? ExtractionStatus.OK : ExtractionStatus.LIMIT_EXCEEDED;
      message = embedded.limitMessage();
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      if (WriteLimitReachedException.isWriteLimitReached(e)) {
        status = ExtractionStatus.TRUNCATED;
        message = "The text was cut at " + limits.maxCharacters() + " characters.";
      } else if (e instanceof ZeroByteFileException) {
        status = ExtractionStatus.OK;
        message = null;
      } else {
        status = classify(e);
        message = truncate(explain(status, mediaType, e));
        if (status == ExtractionStatus.FAILED) {
          log.warn("Text extraction of {} ({}) failed", name, mediaType, e);
        }
      }
    }
    return new Extraction(
        mediaType, mediaType, status, message, handler.toString(), signers, kept(metadata));
  }

  private static InputStream open(Object source) throws IOException {
    return source instanceof Path path
        ? TikaInputStream.get(path)
        : TikaInputStream.get((byte[]) source);
  }

  /** Whether some parser reads this type or one of its super-types (not the empty fallback). */
  private boolean supported(String mediaType) {
    MediaType type = MediaType.parse(mediaType);
    Map<MediaType, Parser> parsers = parser.getParsers(new ParseContext());
    MediaTypeRegistry registry = tika.getMediaTypeRegistry();
    for (MediaType t = type == null ? null : type.getBaseType();
        t != null && !MediaType.OCTET_STREAM.equals(t);
        t = registry.getSupertype(t)) {
      if (parsers.containsKey(t)) {
        return true;
      }
    }
    return false;
  }

  private static ExtractionStatus classify(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EncryptedDocumentException
          || t instanceof org.apache.poi.EncryptedDocumentException
          || t instanceof org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException) {
        return ExtractionStatus.ENCRYPTED;
      }
      if (t instanceof TikaMemoryLimitException
          || String.valueOf(t.getMessage()).contains("Suspected zip bomb")) {
        return ExtractionStatus.LIMIT_EXCEEDED;
      }
      if (t instanceof UnsupportedFormatException) {
        return ExtractionStatus.UNSUPPORTED;
      }
    }
    if (e instanceof TikaException
        || e instanceof IOException
        || e instanceof org.xml.sax.SAXException) {
      return ExtractionStatus.CORRUPT;
    }
    return ExtractionStatus.FAILED;
  }

  private static String explain(ExtractionStatus status, String mediaType, Throwable e) {
    return switch (status) {
      case ENCRYPTED -> "The file is protected by a password.";
      case LIMIT_EXCEEDED -> "Extraction stopped by a safety limit: " + rootMessage(e);
      case UNSUPPORTED -> "The format is not supported: " + rootMessage(e);
      case CORRUPT -> "The file is damaged or not a valid " + mediaType + ": " + rootMessage(e);
      default -> describe(e);
    };
  }

  private static String describe(Throwable e) {
    return "The extraction failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /** The most specific message of the chain: Tika wraps the parser's own error. */
  private static String rootMessage(Throwable e) {
    String message = e.getMessage();
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }

  private String detect(Path file, String name) {
    try (TikaInputStream in = TikaInputStream.get(file)) {
      return detect(in, name);
    } catch (IOException e) {
      return OCTET_STREAM;
    }
  }

  private String detect(byte[] content, String name) {
    try (TikaInputStream in = TikaInputStream.get(content)) {
      return detect(in, name);
    } catch (IOException e) {
      return OCTET_STREAM;
    }
  }

  private String detect(TikaInputStream in, String name) throws IOException {
    Metadata metadata = new Metadata();
    if (name != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    }
    return parser.getDetector().detect(in, metadata).getBaseType().toString();
  }

  private static Map<String, String> kept(Metadata metadata) {
    Map<String, String> kept = new LinkedHashMap<>();
    for (String key : METADATA_KEPT) {
      String value = metadata.get(key);
      if (value != null && !value.isBlank()) {
        kept.put(
            key,
            value.length() > MAX_METADATA_VALUE ? value.substring(0, MAX_METADATA_VALUE) : value);
      }
    }
    return kept;
  }

  private static String truncate(String message) {
    return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger number = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "document-extraction-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
