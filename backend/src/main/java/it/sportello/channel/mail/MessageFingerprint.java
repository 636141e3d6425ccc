package it.sportello.channel.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
    // ISO-8859-1 maps each byte to one char and back: nothing is decoded or lost
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int bodyStart = bodyStart(text);
    String headers = bodyStart < 0 ? text : text.substring(0, bodyStart);
    String body = bodyStart < 0 ? "" : text.substring(bodyStart);
    String kept = keptHeaders(headers);
    String normalisedBody = stripTrailing(body.replace("\r\n", "\n").replace('\r', '\n'));
    return new MessageFingerprint(sha256(kept + "\n" + normalisedBody), sha256(kept), sha256(raw));
  }

  static boolean isTransport(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    return TRANSPORT_HEADERS.contains(lower)
        || TRANSPORT_PREFIXES.stream().anyMatch(lower::startsWith);
  }

  /** Where the body starts (after the first empty line), or -1 when there is none. */
  private static int bodyStart(String text) {
    if (text.startsWith("\r\n")) {
      return 2;
    }
    if (text.startsWith("\n")) {
      return 1;
    }
    int lf = text.indexOf("\n\n");
    int crlf = text.indexOf("\n\r\n");
    if (lf < 0 && crlf < 0) {
      return -1;
    }
    if (crlf < 0 || (lf >= 0 && lf < crlf)) {
      return lf + 2;
    }
    return crlf + 3;
  }

  /** The headers that are not transport headers, unfolded, one per line, in their order. */
  private static String keptHeaders(String headers) {
    StringBuilder kept = new StringBuilder();
    StringBuilder field = null;
    for (String line : headers.split("\r\n|\r|\n")) {
      if (field != null && !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
        field.append(' ').append(line.strip());
        continue;
      }
      append(kept, field);
      field = line.isEmpty() ? null : new StringBuilder(line);
    }
    append(kept, field);
    return kept.toString();
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

  private static String stripTrailing(String body) {
    int end = body.length();
    while (end > 0 && Character.isWhitespace(body.charAt(end - 1))) {
      end--;
    }
    return body.substring(0, end);
  }

  private static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
