package it.sportello.channel.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * The text and the files of a message: the body is the first text part, plain text preferred to
 * HTML in {@code multipart/alternative}; every part with a file name (attachments and named inline
 * parts) and every attached message is a file.
 *
 * <p>Read leniently, as a protocol office must: an unknown transfer encoding is read as 8bit, bad
 * base64 as far as it goes, a multipart without its start boundary as text, malformed parameters
 * and dispositions by hand, unknown charsets by detection; each such repair leaves a {@link
 * MailNote} for the ticket. Only a failure outside all of these throws.
 *
 * @param text the body as plain text, possibly empty
 * @param notes what was repaired, for the ticket's text
 */
record MailContent(String text, List<Attachment> attachments, List<MailNote> notes) {

  /** A file of the message; {@code fileName} may be null. */
  record Attachment(String fileName, String mediaType, byte[] content) {}

  MailContent(String text, List<Attachment> attachments) {
    this(text, attachments, List.of());
  }

  private static final Set<String> KNOWN_ENCODINGS =
      Set.of("base64", "quoted-printable", "uuencode", "x-uuencode", "x-uue");
  private static final Set<String> IDENTITY_ENCODINGS = Set.of("7bit", "8bit", "binary");

  static MailContent of(Part message) throws MessagingException, IOException {
    Collector collector = new Collector();
    collector.walk(message, true);
    return new MailContent(
        collector.text == null ? "" : collector.text.strip(),
        List.copyOf(collector.attachments),
        List.copyOf(collector.notes));
  }

  private static final class Collector {
    private String text;
    private final List<Attachment> attachments = new ArrayList<>();
    private final Set<MailNote> notes = new LinkedHashSet<>();

    void walk(Part part, boolean bodyWanted) throws MessagingException, IOException {
      String type = baseType(part);
      if (type.startsWith("multipart/")) {
        Multipart multipart = multipart(part);
        if (multipart == null) {
          // no boundary to split at: the body as text, so that nothing is lost
          if (bodyWanted) {
            body(part, "text/plain", true);
          } else {
            attachments.add(new Attachment(null, "text/plain", bytes(part)));
          }
          return;
        }
        if (multipart instanceof MimeMultipart mime && !mime.isComplete()) {
          notes.add(MailNote.of("TRUNCATED"));
        }
        if (type.equals("multipart/alternative")) {
          Part chosen = bodyWanted && text == null ? choose(multipart) : null;
          for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart child = multipart.getBodyPart(i);
            if (child == chosen) {
              child(child, true);
            } else if (baseType(child).startsWith("multipart/")) {
              child(child, false);
            }
          }
        } else {
          for (int i = 0; i < multipart.getCount(); i++) {
            child(multipart.getBodyPart(i), bodyWanted);
          }
        }
      } else if (isFile(part, type)) {
        attachments.add(new Attachment(fileName(part, type), type, bytes(part)));
      } else if (type.equals("text/plain") || type.equals("text/html")) {
        body(part, type, bodyWanted);
      } else {
        // an unnamed inline part that is no text: kept as a file all the same
        attachments.add(new Attachment(null, type, bytes(part)));
      }
    }

    /** One part of a multipart: a part that cannot be read at all is left out with a note. */
    private void child(Part child, boolean bodyWanted) {
      try {
        walk(child, bodyWanted);
      } catch (MessagingException | IOException | RuntimeException e) {
        notes.add(MailNote.of("UNREADABLE_PART", "type", baseType(child)));
      }
    }

    private void body(Part part, String type, boolean bodyWanted)
        throws MessagingException, IOException {
      if (!bodyWanted) {
        return;
      }
      MailText.Decoded decoded = MailText.decode(bytes(part), parameter(part, "charset"));
      if (decoded.unknownCharset() != null) {
        notes.add(
            MailNote.of(
                "UNKNOWN_CHARSET", "charset", decoded.unknownCharset(), "used", decoded.charset()));
      }
      String body = type.equals("text/html") ? htmlToText(decoded.text()) : decoded.text();
      text = text == null ? body : text + "\n\n" + body;
    }

    /** The parts of a multipart, or null when it has no boundary to split at. */
    private Multipart multipart(Part part) throws MessagingException, IOException {
      try {
        if (part.getContent() instanceof Multipart multipart) {
          multipart.getCount(); // parses it
          return multipart;
        }
      } catch (MessagingException | IOException | RuntimeException e) {
        // below, from the bytes as read leniently
      }
      try {
        MimeMultipart multipart =
            new MimeMultipart(new ByteArrayDataSource(bytes(part), cleanMultipartType(part)));
        multipart.getCount();
        return multipart;
      } catch (MessagingException e) {
        notes.add(MailNote.of("BROKEN_STRUCTURE", "problem", e.getMessage()));
        return null;
      }
    }

    /** The decoded bytes of a part, repaired where its transfer encoding is broken or unknown. */
    private byte[] bytes(Part part) throws MessagingException, IOException {
      String encoding = transferEncoding(part);
      if (encoding == null || IDENTITY_ENCODINGS.contains(encoding)) {
        return raw(part);
      }
      if (!KNOWN_ENCODINGS.contains(encoding)) {
        notes.add(MailNote.of("UNKNOWN_ENCODING", "encoding", encoding));
        return raw(part);
      }
      try {
        return readAll(part.getInputStream());
      } catch (IOException | MessagingException e) {
        String file = optionalFileName(part);
        if (encoding.equals("base64")) {
          notes.add(MailNote.of("BAD_BASE64", "file", file));
          return MailText.base64(new String(raw(part), StandardCharsets.ISO_8859_1));
        }
        notes.add(MailNote.of("BAD_ENCODING", "file", file, "encoding", encoding));
        return raw(part);
      }
    }

    private static Part choose(Multipart alternatives) throws MessagingException {
      Part html = null;
      Part nested = null;
      for (int i = 0; i < alternatives.getCount(); i++) {
        BodyPart child = alternatives.getBodyPart(i);
        String type = baseType(child);
        if (type.equals("text/plain") && fileName(child, type) == null) {
          return child;
        }
        if (type.equals("text/html") && html == null) {
          html = child;
        } else if (type.startsWith("multipart/") && nested == null) {
          nested = child;
        }
      }
      return html != null ? html : nested;
    }

    private static boolean isFile(Part part, String type) throws MessagingException {
      return Part.ATTACHMENT.equalsIgnoreCase(disposition(part))
          || fileName(part, type) != null
          || type.equals("message/rfc822");
    }
  }

  /** The multipart's type with only its boundary, read by hand (other parameters may be broken). */
  private static String cleanMultipartType(Part part) throws MessagingException {
    String boundary = LaxParameters.get(header(part, "Content-Type"), "boundary");
    String type = baseType(part);
    if (boundary == null) {
      return type;
    }
    ContentType clean = new ContentType(type);
    clean.setParameter("boundary", boundary.strip());
    return clean.toString();
  }

  /** The part's bytes as they are in the message, transfer encoding not undone. */
  private static byte[] raw(Part part) throws MessagingException, IOException {
    if (part instanceof MimeBodyPart body) {
      return readAll(body.getRawInputStream());
    }
    if (part instanceof MimeMessage message) {
      return readAll(message.getRawInputStream());
    }
    return readAll(part.getInputStream());
  }

  /** The Content-Transfer-Encoding, lower case, its comments and quotes dropped; null if none. */
  private static String transferEncoding(Part part) throws MessagingException {
    String[] values = part.getHeader("Content-Transfer-Encoding");
    if (values == null || values.length == 0) {
      return null;
    }
    String value =
        values[0].replaceAll("\\([^)]*\\)", "").replace("\"", "").strip().toLowerCase(Locale.ROOT);
    return value.isEmpty() ? null : value;
  }

  private static String disposition(Part part) throws MessagingException {
    try {
      return part.getDisposition();
    } catch (MessagingException | RuntimeException e) {
      String raw = header(part, "Content-Disposition");
      if (raw == null) {
        return null;
      }
      String first = raw.split(";", 2)[0].strip();
      return first.isEmpty() ? null : first;
    }
  }

  private static String optionalFileName(Part part) {
    try {
      String name = fileName(part, baseType(part));
      return name == null ? "" : " («" + name + "»)";
    } catch (MessagingException | RuntimeException e) {
      return "";
    }
  }

  /**
   * The file name: Jakarta Mail's reading (RFC 2231 included), else the parameter read by hand
   * (malformed values such as {@code filename==?utf-8?B?...?=}), encoded words and raw UTF-8
   * decoded.
   */
  static String fileName(Part part, String type) throws MessagingException {
    String name;
    try {
      name = part.getFileName();
    } catch (MessagingException | RuntimeException e) {
      name = null;
    }
    if (name == null) {
      name = LaxParameters.get(header(part, "Content-Disposition"), "filename");
    }
    if (name == null) {
      name = LaxParameters.get(header(part, "Content-Type"), "name");
    }
    if (name != null) {
      name = MailText.header(name).strip();
      if (name.isEmpty()) {
        name = null;
      }
    }
    if (name == null && "message/rfc822".equals(type)) {
      return "messaggio.eml";
    }
    return name;
  }

  private static String parameter(Part part, String name) throws MessagingException {
    try {
      return new ContentType(part.getContentType()).getParameter(name);
    } catch (MessagingException | RuntimeException e) {
      return LaxParameters.get(header(part, "Content-Type"), name);
    }
  }

  private static String header(Part part, String name) throws MessagingException {
    String[] values = part.getHeader(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  /** The media type, lower case; text/plain when it is missing or unreadable. */
  static String baseType(Part part) {
    String raw;
    try {
      raw = part.getContentType();
    } catch (MessagingException | RuntimeException e) {
      return "text/plain";
    }
    if (raw == null || raw.isBlank()) {
      return "text/plain";
    }
    try {
      return new ContentType(raw).getBaseType().toLowerCase(Locale.ROOT);
    } catch (MessagingException | RuntimeException e) {
      String type = raw.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      return type.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+")
          ? type
          : "application/octet-stream";
    }
  }

  /** The text of an HTML body, one line per line break, paragraph or list item. */
  static String htmlToText(String html) {
    Document document = Jsoup.parse(html);
    document.select("script, style, head").remove();
    // wholeText() writes a line break for <br> already
    for (Element block : document.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote")) {
      block.before(new TextNode("\n"));
    }
    return document
        .wholeText()
        .replaceAll("[ \\t\\x0B\\f\\r\\u00A0]+", " ")
        .replaceAll(" ?\n ?", "\n")
        .replaceAll("\n{3,}", "\n\n")
        .strip();
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }
}
