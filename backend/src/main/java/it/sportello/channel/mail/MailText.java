package it.sportello.channel.mail;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Text as real mail writes it, decoded the way a reader expects: raw UTF-8 in headers (RFC 6532)
 * read as UTF-8, each encoded word (RFC 2047, with the RFC 2231 language tag) decoded on its own so
 * that one word in an unknown charset does not leave the rest encoded, ISO-8859-1 and US-ASCII read
 * as windows-1252 (as browsers do, so that curly quotes survive), unknown charsets detected. Plain
 * Java; nothing here throws on bad input.
 */
final class MailText {

  private static final Pattern ENCODED_WORD =
      Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?]*)\\?=");
  private static final Pattern FOLD = Pattern.compile("\\r?\\n(?=[ \\t])|\\r?\\n$");
  private static final Set<String> LATIN1 =
      Set.of(
          "iso-8859-1",
          "iso8859-1",
          "iso_8859-1",
          "latin1",
          "latin-1",
          "l1",
          "us-ascii",
          "ascii",
          "ansi_x3.4-1968",
          "windows-1252",
          "cp1252");
  private static final char[] WINDOWS_1252 = windows1252Table();

  private MailText() {}

  /**
   * A header value as a reader should see it: unfolded, raw 8-bit bytes read as UTF-8 when they are
   * UTF-8 (windows-1252 otherwise), encoded words decoded one by one. Null stays null.
   */
  static String header(String raw) {
    if (raw == null) {
      return null;
    }
    return decodeWords(rawHeader(raw));
  }

  /**
   * A header value unfolded and with its raw 8-bit bytes read as UTF-8 where they are UTF-8,
   * encoded words left alone (for address headers, parsed before their words are decoded).
   */
  static String rawHeader(String raw) {
    if (raw == null) {
      return null;
    }
    return eightBit(FOLD.matcher(raw).replaceAll(""));
  }

  /**
   * A header value Jakarta Mail read byte by byte (each byte one char up to U+00FF) read again: as
   * UTF-8 when the bytes are UTF-8, else as windows-1252.
   */
  static String eightBit(String value) {
    boolean high = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c > 0xFF) {
        return value; // already decoded as Unicode
      }
      high |= c >= 0x80;
    }
    if (!high) {
      return value;
    }
    byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
    String utf8 = strictUtf8(bytes);
    return utf8 != null ? utf8 : windows1252(bytes);
  }

  /** Encoded words decoded one by one; adjacent words of one charset decoded as one sequence. */
  static String decodeWords(String text) {
    if (text == null || !text.contains("=?")) {
      return text;
    }
    Matcher matcher = ENCODED_WORD.matcher(text);
    StringBuilder out = new StringBuilder();
    ByteArrayOutputStream run = new ByteArrayOutputStream();
    String runCharset = null;
    int last = 0;
    while (matcher.find()) {
      String between = text.substring(last, matcher.start());
      String charset = matcher.group(1);
      int star = charset.indexOf('*'); // RFC 2231 language: =?utf-8*it?Q?...?=
      if (star >= 0) {
        charset = charset.substring(0, star);
      }
      charset = charset.toLowerCase(Locale.ROOT);
      boolean adjacent = runCharset != null && between.isBlank();
      if (!adjacent || !charset.equals(runCharset)) {
        if (runCharset != null) {
          out.append(decode(run.toByteArray(), runCharset).text());
          run.reset();
        }
        if (!adjacent) {
          out.append(between);
        }
        runCharset = charset;
      }
      byte[] bytes =
          matcher.group(2).equalsIgnoreCase("B")
              ? base64(matcher.group(3))
              : qEncoding(matcher.group(3));
      run.writeBytes(bytes);
      last = matcher.end();
    }
    if (runCharset != null) {
      out.append(decode(run.toByteArray(), runCharset).text());
    }
    out.append(text.substring(last));
    return out.toString();
  }

  /**
   * Text in a charset as labelled.
   *
   * @param unknownCharset the label when it named no charset we know (the text was detected)
   * @param charset what the text was read as
   */
  record Decoded(String text, String charset, String unknownCharset) {}

  /**
   * Bytes as text: a known charset as labelled (ISO-8859-1 and US-ASCII as windows-1252, US-ASCII
   * or no label as UTF-8 when the bytes are UTF-8), an unknown one detected, else UTF-8 when the
   * bytes are UTF-8, else windows-1252.
   */
  static Decoded decode(byte[] bytes, String label) {
    String name = label == null ? "" : label.strip().replace("\"", "").toLowerCase(Locale.ROOT);
    if (name.isEmpty() || LATIN1.contains(name)) {
      if ((name.isEmpty() || name.contains("ascii")) && !isAscii(bytes)) {
        String utf8 = strictUtf8(bytes);
        if (utf8 != null) {
          return new Decoded(utf8, "UTF-8", null);
        }
      }
      return new Decoded(windows1252(bytes), "windows-1252", null);
    }
    Charset charset = charset(name);
    if (charset != null
        && charset.equals(StandardCharsets.UTF_8)
        && strictUtf8(bytes) == null
        && !hasUtf8Sequence(bytes)) {
      // labelled UTF-8 but not a single UTF-8 sequence in it: a windows-1252 text mislabelled
      return new Decoded(windows1252(bytes), "windows-1252", null);
    }
    if (charset != null) {
      return new Decoded(new String(bytes, charset), charset.name(), null);
    }
    Charset detected = detect(bytes);
    if (detected != null) {
      return new Decoded(new String(bytes, detected), detected.name(), label);
    }
    String utf8 = strictUtf8(bytes);
    return utf8 != null
        ? new Decoded(utf8, "UTF-8", label)
        : new Decoded(windows1252(bytes), "windows-1252", label);
  }

  /** The charset a MIME label names (MIME and Java names both), or null. */
  static Charset charset(String label) {
    if (label == null || label.isBlank()) {
      return null;
    }
    String name = label.strip().replace("\"", "");
    for (String candidate : new String[] {name, MimeUtility.javaCharset(name)}) {
      try {
        return Charset.forName(candidate);
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        // try the next spelling
      }
    }
    return null;
  }

  /** The charset the bytes look like (Mozilla's detector), or null when it cannot tell. */
  static Charset detect(byte[] bytes) {
    if (bytes.length == 0) {
      return null;
    }
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(bytes, 0, Math.min(bytes.length, 64 * 1024));
    detector.dataEnd();
    return charset(detector.getDetectedCharset());
  }

  /** The bytes as UTF-8, or null when they are not UTF-8. */
  static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Windows-1252, its five undefined bytes kept as the C1 controls ISO-8859-1 gives them. */
  static String windows1252(byte[] bytes) {
    char[] chars = new char[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      chars[i] = WINDOWS_1252[bytes[i] & 0xFF];
    }
    return new String(chars);
  }

  /** Base64 read as far as it goes: characters outside the alphabet dropped, a broken end cut. */
  static byte[] base64(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '+'
          || c == '/') {
        clean.append(c);
      } else if (c == '-' || c == '_') {
        clean.append(c == '-' ? '+' : '/'); // the URL alphabet, seen in the wild
      }
    }
    int usable = clean.length() - clean.length() % 4;
    if (clean.length() % 4 >= 2) {
      // a last group of two or three characters still holds one or two bytes
      usable = clean.length();
    }
    return Base64.getDecoder().decode(pad(clean.substring(0, usable)));
  }

  private static String pad(String base64) {
    int rest = base64.length() % 4;
    return rest == 0 ? base64 : base64 + "=".repeat(4 - rest);
  }

  private static byte[] qEncoding(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '_') {
        out.write(' ');
      } else if (c == '='
          && i + 2 < text.length()
          && hex(text.charAt(i + 1)) >= 0
          && hex(text.charAt(i + 2)) >= 0) {
        out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
        i += 2;
      } else {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.writeBytes(bytes);
      }
    }
    return out.toByteArray();
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }

  /** Whether the bytes hold at least one well-formed multi-byte UTF-8 sequence. */
  private static boolean hasUtf8Sequence(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      int lead = bytes[i] & 0xFF;
      int length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : 0;
      length = lead >= 0xF0 && lead <= 0xF4 ? 4 : length;
      if (length == 0 || i + length > bytes.length) {
        continue;
      }
      boolean continued = true;
      for (int k = 1; k < length; k++) {
        continued &= (bytes[i + k] & 0xC0) == 0x80;
      }
      if (continued) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static char[] windows1252Table() {
    char[] table = new char[256];
    Charset cp1252 = Charset.forName("windows-1252");
    for (int b = 0; b < 256; b++) {
      CharBuffer decoded =
          cp1252.decode(ByteBuffer.wrap(new byte[] {(byte) b})); // undefined bytes give U+FFFD
      char c = decoded.length() == 1 ? decoded.get(0) : '\uFFFD';
      table[b] = c == '\uFFFD' ? (char) b : c;
    }
    return table;
  }
}
