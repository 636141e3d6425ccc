package it.sportello.document;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ParseRecord;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads embedded documents (attachments, archive entries) like Tika does, but no deeper and no more
 * of them than the limits, remembering that it left some out. It also counts every byte expanded
 * from them (an entry Tika does not read is read to its end here, as the archive would be to skip
 * it) and stops the whole extraction when they exceed the total allowed or the ratio to the file's
 * size: a zip of zeros holds no text for Tika's character ratio to catch. And it notes the entries
 * it could not read because they are encrypted, and writes the headers of forwarded messages after
 * their text.
 */
final class LimitedEmbeddedExtractor extends ParsingEmbeddedDocumentExtractor {

  private static final Pattern ENCRYPTED_ENTRY =
      Pattern.compile(
          "stream \\((.*?)\\) is encrypted|feature encryption used in entry (.+)$",
          Pattern.MULTILINE);

  /** Below this, any archive may expand, whatever the ratio. */
  static final long RATIO_FREE_BYTES = 10L * 1024 * 1024;

  private final int maxDepth;
  private final int maxCount;
  private final long maxExpanded;
  private int depth;
  private int count;
  private long expanded;
  private String limitMessage;
  private boolean expansionExceeded;
  private final List<String> encryptedEntries = new ArrayList<>();

  /**
   * @param maxExpanded the most bytes expanded from all embedded documents together: the smaller of
   *     the configured total and the ratio allowed for the file's size
   */
  LimitedEmbeddedExtractor(ParseContext context, int maxDepth, int maxCount, long maxExpanded) {
    super(context);
    this.maxDepth = maxDepth;
    this.maxCount = maxCount;
    this.maxExpanded = maxExpanded;
  }

  /** The bytes a file of {@code size} bytes may expand to under the limits. */
  static long maxExpanded(long size, long maxRatio, long maxTotal) {
    long byRatio =
        size > (Long.MAX_VALUE - RATIO_FREE_BYTES) / Math.max(1, maxRatio)
            ? Long.MAX_VALUE
            : RATIO_FREE_BYTES + size * maxRatio;
    return Math.min(byRatio, maxTotal);
  }

  @Override
  public boolean shouldParseEmbedded(Metadata metadata) {
    if (expansionExceeded) {
      return false;
    }
    if (depth >= maxDepth) {
      limitMessage =
          "Embedded documents are nested more than "
              + maxDepth
              + " levels deep (an archive bomb?): the deeper ones were not read.";
      return false;
    }
    if (count >= maxCount) {
      limitMessage =
          "There are more than " + maxCount + " embedded documents: the others were not read.";
      return false;
    }
    return super.shouldParseEmbedded(metadata);
  }

  @Override
  public void parseEmbedded(
      InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
      throws SAXException, IOException {
    if (expansionExceeded) {
      throw new ExpansionLimitException();
    }
    count++;
    depth++;
    ParseRecord record = context.get(ParseRecord.class);
    int exceptionsBefore = record == null ? 0 : record.getExceptions().size();
    CountingStream counted = new CountingStream(stream);
    try {
      super.parseEmbedded(counted, handler, metadata, outputHtml);
      if (!expansionExceeded) {
        counted.drain();
      }
    } finally {
      depth--;
    }
    if (expansionExceeded) {
      // Tika wraps and records what a parser throws: stop the parse of the levels above too
      throw new ExpansionLimitException();
    }
    noteEncrypted(metadata, record, exceptionsBefore);
    String type = metadata.get(Metadata.CONTENT_TYPE);
    if (type != null && type.startsWith("message/rfc822")) {
      // a forwarded message: its headers are in the metadata only
      char[] headers = ("\n" + MailHeaders.of(metadata)).toCharArray();
      handler.characters(headers, 0, headers.length);
    }
  }

  /** An encrypted entry of an archive inside, or an encrypted document attached. */
  private void noteEncrypted(Metadata metadata, ParseRecord record, int exceptionsBefore) {
    encryptedEntriesOf(metadata).forEach(encryptedEntries::add);
    if (record == null) {
      return;
    }
    List<Exception> exceptions = record.getExceptions();
    for (int i = exceptionsBefore; i < exceptions.size(); i++) {
      if (exceptions.get(i) instanceof EncryptedDocumentException) {
        String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        encryptedEntries.add(name == null ? "(unnamed)" : name);
        return;
      }
    }
  }

  /**
   * The entries Tika's archive parser could not read because encrypted, as it records them: read as
   * a stream ("stream (name) is encrypted") or as a file (commons-compress's "Unsupported feature
   * encryption used in entry name").
   */
  static List<String> encryptedEntriesOf(Metadata metadata) {
    List<String> names = new ArrayList<>();
    for (String value :
        metadata.getValues(TikaCoreProperties.TIKA_META_EXCEPTION_EMBEDDED_STREAM)) {
      Matcher matcher = ENCRYPTED_ENTRY.matcher(value);
      if (matcher.find()) {
        names.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2).strip());
      }
    }
    return names;
  }

  /** Why some embedded documents were left out, or null. */
  String limitMessage() {
    return limitMessage;
  }

  /** Whether the expansion limit stopped the extraction. */
  boolean expansionExceeded() {
    return expansionExceeded;
  }

  /** The embedded documents that could not be read because encrypted, by name. */
  List<String> encryptedEntries() {
    return List.copyOf(encryptedEntries);
  }

  private void count(long bytes) throws ExpansionLimitException {
    expanded += bytes;
    if (expanded > maxExpanded && !expansionExceeded) {
      expansionExceeded = true;
      limitMessage =
          "The archive expands to more than "
              + maxExpanded / (1024 * 1024)
              + " MB, more than the total or the ratio to its size allowed (a zip bomb?):"
              + " the rest was not read.";
    }
    if (expansionExceeded) {
      throw new ExpansionLimitException();
    }
  }

  /** Thrown by the reads past the limit, and to stop the parse. */
  static final class ExpansionLimitException extends IOException {
    ExpansionLimitException() {
      super("The expansion limit of embedded documents was reached");
    }
  }

  /** Counts the bytes read of one embedded document. */
  private final class CountingStream extends FilterInputStream {

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int read = super.read(buffer, offset, length);
      if (read > 0) {
        count(read);
      }
      return read;
    }

    @Override
    public long skip(long n) throws IOException {
      // skipping an archive's entry expands it all the same
      byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, n))];
      long skipped = 0;
      while (skipped < n) {
        int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
        if (read < 0) {
          break;
        }
        skipped += read;
      }
      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    /** Reads what the parser left, as the archive would to reach the next entry. */
    void drain() throws IOException {
      byte[] buffer = new byte[64 * 1024];
      while (read(buffer, 0, buffer.length) >= 0) {
        // counted
      }
    }
  }
}
