package it.sportello.channel.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * The text and the files of a message: the body is the first text part, plain text preferred to
 * HTML in {@code multipart/alternative}; every part with a file name (attachments and named inline
 * parts) and every attached message is a file.
 *
 * @param text the body as plain text, possibly empty
 */
record MailContent(String text, List<Attachment> attachments) {

  /** A file of the message; {@code fileName} may be null. */
  record Attachment(String fileName, String mediaType, byte[] content) {}

  static MailContent of(Part message) throws MessagingException, IOException {
    Collector collector = new Collector();
    collector.walk(message, true);
    return new MailContent(
        collector.text == null ? "" : collector.text.strip(), List.copyOf(collector.attachments));
  }

  private static final class Collector {
    private String text;
    private final List<Attachment> attachments = new ArrayList<>();

    void walk(Part part, boolean bodyWanted) throws MessagingException, IOException {
      if (part.isMimeType("multipart/alternative")) {
        Multipart alternatives = (Multipart) part.getContent();
        Part chosen = bodyWanted && text == null ? choose(alternatives) : null;
        for (int i = 0; i < alternatives.getCount(); i++) {
          BodyPart child = alternatives.getBodyPart(i);
          if (child == chosen) {
            walk(child, true);
          } else if (child.isMimeType("multipart/*")) {
            walk(child, false);
          }
        }
      } else if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          walk(multipart.getBodyPart(i), bodyWanted);
        }
      } else if (isFile(part)) {
        attachments.add(
            new Attachment(fileName(part), baseType(part), readAll(part.getInputStream())));
      } else if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
        if (bodyWanted) {
          String body = part.isMimeType("text/html") ? htmlToText(text(part)) : text(part);
          text = text == null ? body : text + "\n\n" + body;
        }
      } else {
        // an unnamed inline part that is no text: kept as a file all the same
        attachments.add(new Attachment(null, baseType(part), readAll(part.getInputStream())));
      }
    }

    private static Part choose(Multipart alternatives) throws MessagingException {
      Part html = null;
      Part nested = null;
      for (int i = 0; i < alternatives.getCount(); i++) {
        BodyPart child = alternatives.getBodyPart(i);
        if (child.isMimeType("text/plain") && child.getFileName() == null) {
          return child;
        }
        if (child.isMimeType("text/html") && html == null) {
          html = child;
        } else if (child.isMimeType("multipart/*") && nested == null) {
          nested = child;
        }
      }
      return html != null ? html : nested;
    }

    private static boolean isFile(Part part) throws MessagingException {
      return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
          || part.getFileName() != null
          || part.isMimeType("message/rfc822");
    }
  }

  private static String fileName(Part part) throws MessagingException {
    String name = part.getFileName();
    if (name != null && name.contains("=?")) {
      try {
        name = MimeUtility.decodeText(name);
      } catch (UnsupportedEncodingException e) {
        // keep it encoded: still a name
      }
    }
    if (name == null && part.isMimeType("message/rfc822")) {
      return "messaggio.eml";
    }
    return name;
  }

  private static String baseType(Part part) throws MessagingException {
    try {
      return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
    } catch (MessagingException e) {
      return "application/octet-stream";
    }
  }

  /** The text of a text part in its charset; an unknown charset is read as ISO-8859-1. */
  private static String text(Part part) throws MessagingException, IOException {
    try {
      Object content = part.getContent();
      if (content instanceof String string) {
        return string;
      }
    } catch (UnsupportedEncodingException e) {
      // unknown or misspelt charset: below
    }
    return new String(readAll(part.getInputStream()), StandardCharsets.ISO_8859_1);
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
