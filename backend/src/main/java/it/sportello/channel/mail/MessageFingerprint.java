package it.sportello.channel.mail;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a message is, apart from its journey: hashes of its bytes without the headers that servers
 * add or rewrite on the way ({@code Received}, {@code Return-Path}, {@code Delivered-To}, DKIM and
 * ARC signatures, {@code Authentication-Results}, spam scores...). The same message delivered
 * twice, or through another relay, has the same content and header hashes; a message sharing a
 * Message-ID with another but written differently has not. Line ends and folding are normalised;
 * bytes are read as they are (no decoding), so that any message, even unreadable, has a
 * fingerprint.
 *
 * @param contentHash SHA-256 (hex) of the headers that are not transport headers and the body
 * @param headerHash SHA-256 (hex) of those headers only: what the server's header list tells
 * @param rawHash SHA-256 (hex) of the bytes as fetched
 */
record MessageFingerprint(String contentHash, String headerHash, String rawHash) {

  /** Headers written on the way, by servers, filters and signers: not part of the message. */
  static final Set<String> TRANSPORT_HEADERS =
      Set.of(
          "received",
          "return-path",
          "delivered-to",
          "x-original-to",
          "x-received",
          "envelope-to",
          "x-envelope-from",
          "x-envelope-to",
          "x-rcpt-to",
          "dkim-signature",
          "domainkey-signature",
          "x-google-dkim-signature",
          "authentication-results",
          "received-spf",
          "x-gm-message-state",
          "x-google-smtp-source",
          "x-virus-scanned",
          "x-virus-status",
          "x-originating-ip",
          "x-ms-exchange-organization-authas",
          "x-mailbox-line",
          "status",
          "x-status",
          "x-keywords",
          "x-uid",
          "content-length",
          "lines");

  /** Families of transport headers, by the start of their name. */
  static final List<String> TRANSPORT_PREFIXES =
      List.of(
          "arc-",
          "x-spam-",
          "x-ms-exchange-",
          "x-microsoft-antispam",
          "x-forefront-antispam",
          "x-mimecast-",
          "x-proofpoint-",
          "x-barracuda-",
          "x-amavis-",
          "x-greylist");

  static MessageFingerprint of(byte[] raw) {
    try {
      return of(new ByteArrayInputStream(raw));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The fingerprint of the bytes read from the stream, to its end, in one pass: only the header
   * field being read and any trailing whitespace of the body are held, never the whole message. The
   * caller closes the stream.
   */
  static MessageFingerprint of(InputStream in) throws IOException {
    MessageDigest rawDigest = digest();
    Hashes hashes = new Hashes();
    InputStream bytes = new BufferedInputStream(new DigestInputStream(in, rawDigest));
    // the header section ends at the first empty line (after "\n\n" or "\n\r\n"); a message
    // starting with an empty line has none
    int first = bytes.read();
    if (first == '\r') {
      int second = bytes.read();
      if (second == '\n') {
        hashes.bodyStarts();
      } else {
        hashes.header(first);
        if (second >= 0) {
          headerByte(hashes, bytes, second, first);
        }
      }
    } else if (first == '\n') {
      hashes.bodyStarts();
    } else if (first >= 0) {
      headerByte(hashes, bytes, first, -1);
    }
    if (hashes.inBody()) {
      int previous = -1;
      for (int b = bytes.read(); b >= 0; b = bytes.read()) {
        // line ends normalised: CRLF, CR and LF become LF
        if (b == '\r') {
          hashes.body('\n');
        } else if (b != '\n' || previous != '\r') {
          hashes.body(b);
        }
        previous = b;
      }
    }
    return hashes.fingerprint(HexFormat.of().formatHex(rawDigest.digest()));
  }

  /** Reads the header section from {@code b} on, to the empty line that ends it or to the end. */
  private static void headerByte(Hashes hashes, InputStream bytes, int b, int before)
      throws IOException {
    int previous = before;
    int beforePrevious = -1;
    for (; b >= 0; b = bytes.read()) {
      hashes.header(b);
      if (b == '\n' && (previous == '\n' || (previous == '\r' && beforePrevious == '\n'))) {
        hashes.bodyStarts();
        return;
      }
      beforePrevious = previous;
      previous = b;
    }
  }

  /**
   * The content and header hashes, fed byte by byte: the header section is cut into lines (at CRLF,
   * CR or LF), unfolded, and its fields that are not transport headers go to both; the body, its
   * line ends normalised and its trailing whitespace left out, to the content hash only.
   */
  private static final class Hashes {
    private final MessageDigest content = digest();
    private final MessageDigest header = digest();
    private final StringBuilder line = new StringBuilder();
    private final StringBuilder kept = new StringBuilder();
    private final ByteArrayOutputStream trailing = new ByteArrayOutputStream();
    private StringBuilder field;
    private boolean afterCr;
    private boolean body;

    void header(int b) {
      if (b == '\r') {
        endLine();
        afterCr = true;
        return;
      }
      if (b == '\n') {
        if (!afterCr) {
          endLine();
        }
      } else {
        line.append((char) b);
      }
      afterCr = false;
    }

    private void endLine() {
      String text = line.toString();
      line.setLength(0);
      if (field != null && !text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(0) == '\t')) {
        field.append(' ').append(text.strip());
        return;
      }
      append(kept, field);
      flushKept();
      field = text.isEmpty() ? null : new StringBuilder(text);
    }

    private void flushKept() {
      byte[] bytes = kept.toString().getBytes(StandardCharsets.ISO_8859_1);
      kept.setLength(0);
      content.update(bytes);
      header.update(bytes);
    }

    void bodyStarts() {
      endLine();
      append(kept, field);
      flushKept();
      field = null;
      content.update((byte) '\n');
      body = true;
    }

    boolean inBody() {
      return body;
    }

    void body(int b) {
      if (Character.isWhitespace((char) b)) {
        trailing.write(b);
        return;
      }
      if (trailing.size() > 0) {
        content.update(trailing.toByteArray());
        trailing.reset();
      }
      content.update((byte) b);
    }

    MessageFingerprint fingerprint(String rawHash) {
      if (!body) {
        bodyStarts(); // no body: the headers and an empty one
      }
      return new MessageFingerprint(
          HexFormat.of().formatHex(content.digest()),
          HexFormat.of().formatHex(header.digest()),
          rawHash);
    }
  }

  static boolean isTransport(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    return TRANSPORT_HEADERS.contains(lower)
        || TRANSPORT_PREFIXES.stream().anyMatch(lower::startsWith);
  }

  private static void append(StringBuilder kept, StringBuilder field) {
    if (field == null) {
      return;
    }
    String line = field.toString();
    int colon = line.indexOf(':');
    String name = colon < 0 ? line : line.substring(0, colon);
    if (colon >= 0 && isTransport(name)) {
      return;
    }
    String value = colon < 0 ? "" : line.substring(colon + 1);
    kept.append(name.strip().toLowerCase(Locale.ROOT))
        .append(':')
        .append(value.strip().replaceAll("[ \t]+", " "))
        .append('\n');
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
