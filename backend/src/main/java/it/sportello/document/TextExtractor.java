package it.sportello.document;

import it.sportello.document.DocumentsProperties.ExtractionLimits;
import it.sportello.document.DocumentsProperties.Ocr;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.bouncycastle.cms.CMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Detects what a file is and extracts its text with Apache Tika, within limits (size, characters,
 * embedded documents, compression ratio, expanded size, time). Never throws: whatever goes wrong
 * becomes a status and a readable message. Signed envelopes ({@code .p7m}) are opened first and
 * their content read; encrypted envelopes and detached signatures ({@code .p7s}) are told as such.
 * Pictures and PDF pages without text are read by OCR (Tesseract, driven by Tika) when it is
 * installed and switched on; what yields no text is {@link ExtractionStatus#NO_TEXT}. The documents
 * attached to an electronic invoice (FatturaPA) are decoded and read; a message saved with an mbox
 * separator line ({@code .eml} forwarded as an attachment) is read as a message, with its headers.
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

  /**
   * A document that is read but gives fewer letters or digits than this is {@link
   * ExtractionStatus#NO_TEXT}: what OCR makes of a blank page or a photo is a few stray marks.
   */
  static final int MIN_LETTERS_OR_DIGITS = 3;

  /** OCR on, in Italian and English: the defaults of {@code sportello.documents.ocr}. */
  static final Ocr DEFAULT_OCR = new Ocr(true, "ita+eng", Duration.ofSeconds(120));

  private static final String RFC822 = "message/rfc822";
  private static final String MBOX = "application/mbox";

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
  private final Ocr ocr;

  /** Why pictures cannot be read by OCR, null when they can. */
  private final String ocrUnavailable;

  private final TikaConfig tika;
  private final AutoDetectParser parser;
  private final ExecutorService executor;

  @Autowired
  TextExtractor(DocumentsProperties properties) {
    this(properties.extraction(), properties.ocr());
  }

  TextExtractor(ExtractionLimits limits) {
    this(limits, DEFAULT_OCR);
  }

  TextExtractor(ExtractionLimits limits, Ocr ocr) {
    this.limits = limits;
    this.ocr = ocr;
    this.ocrUnavailable = Tesseract.unavailable(ocr);
    if (ocrUnavailable == null) {
      log.info("Pictures and scanned PDFs are read by OCR (Tesseract, {})", ocr.language());
    } else {
      log.warn(
          "Pictures and scanned PDFs cannot be read, they will be stored with status NO_TEXT: {}",
          ocrUnavailable);
    }
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
    String detected = detect(file, fileName);
    String mediaType = isSavedMessage(file, fileName, detected) ? RFC822 : detected;
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
    Duration timeout = timeoutFor(mediaType);
    Future<Extraction> extraction;
    try {
      extraction = executor.submit(() -> extractNow(file, fileName, mediaType));
    } catch (RejectedExecutionException e) {
      return Extraction.failed(mediaType, ExtractionStatus.FAILED, "The extractor is shut down.");
    }
    try {
      return extraction.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      extraction.cancel(true);
      log.warn("Text extraction of {} ({}) stopped after {}", fileName, mediaType, timeout);
      return Extraction.failed(
          mediaType,
          ExtractionStatus.TIMEOUT,
          "The extraction took longer than " + timeout.toSeconds() + " s and was stopped.");
    } catch (ExecutionException e) {
      return Extraction.failed(mediaType, ExtractionStatus.FAILED, describe(e.getCause()));
    } catch (InterruptedException e) {
      extraction.cancel(true);
      Thread.currentThread().interrupt();
      return Extraction.failed(
          mediaType, ExtractionStatus.FAILED, "The extraction was interrupted.");
    }
  }

  private Extraction extractNow(Path file, String fileName, String mediaType) throws IOException {
    if (SignedEnvelope.isCandidate(fileName, mediaType)) {
      return envelope(Files.readAllBytes(file), fileName, mediaType, true);
    }
    if (RFC822.equals(mediaType)) {
      return read(withoutMboxSeparator(Files.readAllBytes(file)), fileName, mediaType, List.of());
    }
    return read(file, fileName, mediaType, List.of());
  }

  /**
   * A CMS file: encrypted, a detached signature, or signed content read for what it is.
   *
   * @param withInvoice whether a FatturaPA inside is read with its attachments (not again for an
   *     envelope attached to an invoice)
   */
  private Extraction envelope(byte[] bytes, String fileName, String mediaType, boolean withInvoice)
      throws IOException {
    List<String> recipients = SignedEnvelope.recipientsIfEncrypted(bytes);
    if (recipients != null) {
      return Extraction.failed(
          mediaType,
          ExtractionStatus.ENCRYPTED,
          truncate(
              "The envelope is encrypted (CMS EnvelopedData): only its recipients can open it"
                  + (recipients.isEmpty() ? "." : ": " + String.join("; ", recipients) + ".")));
    }
    SignedEnvelope envelope;
    try {
      envelope = SignedEnvelope.open(bytes);
    } catch (CMSException | RuntimeException e) {
      if (!mediaType.contains("pkcs7") && !mediaType.startsWith("text/plain")) {
        // named .p7m but something else: read it for what it is
        return parse(bytes, fileName, mediaType, List.of());
      }
      return Extraction.failed(
          mediaType,
          ExtractionStatus.CORRUPT,
          truncate("The signed envelope (CAdES) cannot be opened: " + e.getMessage()));
    }
    if (envelope.detached()) {
      return new Extraction(
          mediaType,
          mediaType,
          ExtractionStatus.NO_TEXT,
          truncate(
              "A detached signature (CAdES): it signs a file sent separately and holds no"
                  + " content of its own"
                  + (envelope.signers().isEmpty()
                      ? "."
                      : "; signed by " + String.join("; ", envelope.signers()) + ".")),
          "",
          envelope.signers(),
          Map.of());
    }
    String innerName = SignedEnvelope.innerName(fileName);
    String contentType = detect(envelope.content(), innerName);
    Extraction inner =
        withInvoice
            ? read(envelope.content(), innerName, contentType, envelope.signers())
            : parse(envelope.content(), innerName, contentType, envelope.signers());
    return new Extraction(
        mediaType,
        contentType,
        inner.status(),
        inner.message(),
        inner.text(),
        inner.signers(),
        inner.metadata());
  }

  /** Reads an invoice with its attachments, anything else with Tika. */
  private Extraction read(Object source, String name, String mediaType, List<String> signers)
      throws IOException {
    if (isXml(mediaType)) {
      byte[] bytes = source instanceof Path path ? Files.readAllBytes(path) : (byte[]) source;
      FatturaPa invoice = FatturaPa.read(bytes);
      if (invoice != null) {
        return invoice(invoice, mediaType, signers);
      }
    }
    return parse(source, name, mediaType, signers);
  }

  /**
   * The invoice's text, then each attachment's under its name. The invoice's status is the first
   * attachment's that is not read whole (a picture without text leaves it OK: the invoice has
   * text).
   */
  private Extraction invoice(FatturaPa invoice, String mediaType, List<String> signers) {
    StringBuilder text = new StringBuilder(invoice.text());
    ExtractionStatus status = ExtractionStatus.OK;
    String message = null;
    int count = 0;
    for (FatturaPa.Attachment attachment : invoice.attachments()) {
      if (++count > limits.maxEmbeddedCount()) {
        status = ExtractionStatus.LIMIT_EXCEEDED;
        message =
            "There are more than "
                + limits.maxEmbeddedCount()
                + " embedded documents: the others were not read.";
        break;
      }
      Extraction read = attachment(attachment);
      text.append("\n\n[allegato ").append(attachment.name());
      if (!read.signers().isEmpty()) {
        text.append(", firmato da ").append(String.join("; ", read.signers()));
      }
      text.append("]\n").append(read.text());
      if (status == ExtractionStatus.OK
          && read.status() != ExtractionStatus.OK
          && read.status() != ExtractionStatus.NO_TEXT) {
        status = read.status();
        message = "Attachment " + attachment.name() + ": " + read.message();
      }
    }
    if (text.length() > limits.maxCharacters()) {
      text.setLength(limits.maxCharacters());
      status = ExtractionStatus.TRUNCATED;
      message = "The text was cut at " + limits.maxCharacters() + " characters.";
    }
    return new Extraction(
        mediaType,
        mediaType,
        status,
        message == null ? null : truncate(message),
        text.toString(),
        signers,
        Map.of());
  }

  /** A document attached to an invoice, signed ({@code .pdf.p7m}) or not. */
  private Extraction attachment(FatturaPa.Attachment attachment) {
    String type = detect(attachment.content(), attachment.name());
    if (SignedEnvelope.isCandidate(attachment.name(), type)) {
      try {
        return envelope(attachment.content(), attachment.name(), type, false);
      } catch (IOException e) {
        return Extraction.failed(type, ExtractionStatus.FAILED, describe(e));
      }
    }
    return parse(attachment.content(), attachment.name(), type, List.of());
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
    configureOcr(context);
    LimitedEmbeddedExtractor embedded =
        new LimitedEmbeddedExtractor(
            context,
            limits.maxEmbeddedDepth(),
            limits.maxEmbeddedCount(),
            LimitedEmbeddedExtractor.maxExpanded(
                size(source), limits.maxCompressionRatio(), limits.maxExpandedSize().toBytes()));
    context.set(EmbeddedDocumentExtractor.class, embedded);
    BodyContentHandler handler = new BodyContentHandler(limits.maxCharacters());
    ExtractionStatus status;
    String message;
    boolean empty = false;
    try (InputStream in = open(source)) {
      parser.parse(in, handler, metadata, context);
      status =
          embedded.limitMessage() == null ? ExtractionStatus.OK : ExtractionStatus.LIMIT_EXCEEDED;
      message = embedded.limitMessage();
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      if (embedded.expansionExceeded()) {
        status = ExtractionStatus.LIMIT_EXCEEDED;
        message = embedded.limitMessage();
      } else if (WriteLimitReachedException.isWriteLimitReached(e)) {
        status = ExtractionStatus.TRUNCATED;
        message = "The text was cut at " + limits.maxCharacters() + " characters.";
      } else if (e instanceof ZeroByteFileException) {
        status = ExtractionStatus.OK;
        message = null;
        empty = true;
      } else {
        status = classify(e);
        message = truncate(explain(status, mediaType, e));
        if (status == ExtractionStatus.FAILED) {
          log.warn("Text extraction of {} ({}) failed", name, mediaType, e);
        }
      }
    }
    String text = handler.toString();
    if (mediaType.equals(RFC822)) {
      text = MailHeaders.of(metadata) + text;
    }
    List<String> encrypted = new ArrayList<>(LimitedEmbeddedExtractor.encryptedEntriesOf(metadata));
    encrypted.addAll(embedded.encryptedEntries());
    if (!encrypted.isEmpty()) {
      String note =
          "Encrypted, not read: "
              + String.join(", ", encrypted)
              + (status == ExtractionStatus.OK ? "; the rest was read." : ".");
      if (status == ExtractionStatus.OK) {
        status = ExtractionStatus.ENCRYPTED;
        message = note;
      } else {
        message = message == null ? note : message + " " + note;
      }
    }
    if (status == ExtractionStatus.OK && !empty && !hasText(text) && expectsText(mediaType)) {
      status = ExtractionStatus.NO_TEXT;
      message = noTextReason(mediaType);
    }
    return new Extraction(
        mediaType,
        mediaType,
        status,
        message == null ? null : truncate(message),
        text,
        signers,
        kept(metadata));
  }

  /** Tesseract's languages and time, or no OCR at all; for PDFs, OCR of the pages without text. */
  private void configureOcr(ParseContext context) {
    TesseractOCRConfig tesseract = new TesseractOCRConfig();
    PDFParserConfig pdf = new PDFParserConfig();
    if (ocrUnavailable == null) {
      tesseract.setLanguage(ocr.language());
      tesseract.setTimeoutSeconds((int) Math.min(Integer.MAX_VALUE, ocr.timeout().toSeconds()));
      pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.AUTO);
    } else {
      tesseract.setSkipOcr(true);
      pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    }
    context.set(TesseractOCRConfig.class, tesseract);
    context.set(PDFParserConfig.class, pdf);
  }

  /** OCR may take longer than reading text: pictures and PDFs get the longer of the two times. */
  private Duration timeoutFor(String mediaType) {
    if (ocrUnavailable == null
        && (mediaType.startsWith("image/") || mediaType.equals("application/pdf"))
        && ocr.timeout().compareTo(limits.timeout()) > 0) {
      return ocr.timeout();
    }
    return limits.timeout();
  }

  /** Whether the text has at least {@link #MIN_LETTERS_OR_DIGITS} letters or digits. */
  static boolean hasText(String text) {
    int found = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      if (Character.isLetterOrDigit(codePoint) && ++found >= MIN_LETTERS_OR_DIGITS) {
        return true;
      }
      i += Character.charCount(codePoint);
    }
    return false;
  }

  /** Sound and video carry no text by nature: they are not {@code NO_TEXT}. */
  private static boolean expectsText(String mediaType) {
    return !mediaType.startsWith("audio/") && !mediaType.startsWith("video/");
  }

  private String noTextReason(String mediaType) {
    boolean pictures = mediaType.startsWith("image/") || mediaType.equals("application/pdf");
    if (!pictures) {
      return "The file holds no text.";
    }
    if (ocrUnavailable != null) {
      return "No text: the file holds only pictures, and they could not be read by OCR: "
          + ocrUnavailable;
    }
    return "No text: not even OCR (Tesseract, "
        + ocr.language()
        + ") found words in it (a blank page, a photo, or a scan too poor to read?).";
  }

  private static long size(Object source) {
    if (source instanceof Path path) {
      try {
        return Files.size(path);
      } catch (IOException e) {
        return 0;
      }
    }
    return ((byte[]) source).length;
  }

  private static boolean isXml(String mediaType) {
    return mediaType.equals("application/xml") || mediaType.equals("text/xml");
  }

  /**
   * A single message saved with an mbox separator line ({@code From sender date}), as some clients
   * save a message or forward it as an attachment: Tika takes it for a mailbox and reads almost
   * nothing. Named {@code .eml}, or with no second separator in it, it is a message.
   */
  private boolean isSavedMessage(Path file, String fileName, String mediaType) {
    if (!MBOX.equals(mediaType)) {
      return false;
    }
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".eml")) {
      return true;
    }
    if (name.endsWith(".mbox") || name.endsWith(".mbx")) {
      return false;
    }
    try {
      if (Files.size(file) > limits.maxSize().toBytes()) {
        return false; // not read anyway
      }
      String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      return !text.contains("\nFrom ");
    } catch (IOException e) {
      return false;
    }
  }

  /** The message without the mbox separator line before its headers. */
  private static byte[] withoutMboxSeparator(byte[] message) {
    if (message.length < 5
        || !new String(message, 0, 5, StandardCharsets.ISO_8859_1).equals("From ")) {
      return message;
    }
    for (int i = 0; i < message.length; i++) {
      if (message[i] == '\n') {
        return Arrays.copyOfRange(message, i + 1, message.length);
      }
    }
    return message;
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
      if (String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("timeout")) {
        return ExtractionStatus.TIMEOUT; // the OCR program's own time limit
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
      case TIMEOUT -> "The extraction took too long and was stopped: " + rootMessage(e);
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
