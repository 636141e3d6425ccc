package it.sportello.channel.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a delivery status notification (DSN, RFC 3464: {@code multipart/report;
 * report-type=delivery-status}): the recipient it is about, whether delivery failed, and the
 * Message-ID of our message it returns (from the {@code text/rfc822-headers} or {@code
 * message/rfc822} part), so that a bounce finds the message it is about. Plain Java.
 */
final class DeliveryReports {

  private DeliveryReports() {}

  /**
   * What a DSN says about one of our messages.
   *
   * @param originalMessageId the returned message's Message-ID without angle brackets, or null
   * @param recipient the Final-Recipient's address, or null
   * @param action {@code failed}, {@code delayed}, {@code delivered}, {@code relayed}, {@code
   *     expanded}
   * @param status the status code, e.g. {@code 5.1.1}
   * @param diagnostic the remote server's words, or null
   */
  record Report(
      String originalMessageId, String recipient, String action, String status, String diagnostic) {

    /** Delivery failed for good (a bounce); a delay is not one. */
    boolean failed() {
      return "failed".equals(action);
    }
  }

  /** The report, when the message is a DSN; empty for every other message. */
  static Optional<Report> read(MimeMessage message) throws MessagingException, IOException {
    if (!message.isMimeType("multipart/report")) {
      return Optional.empty();
    }
    String type = new ContentType(message.getContentType()).getParameter("report-type");
    if (type == null || !type.equalsIgnoreCase("delivery-status")) {
      return Optional.empty();
    }
    if (!(message.getContent() instanceof Multipart report)) {
      return Optional.empty();
    }
    String messageId = null;
    String recipient = null;
    String action = null;
    String status = null;
    String diagnostic = null;
    for (int i = 0; i < report.getCount(); i++) {
      BodyPart part = report.getBodyPart(i);
      if (part.isMimeType("message/delivery-status")) {
        try (InputStream in = raw(part)) {
          // the per-message fields, then one block per recipient: the first with an Action
          for (int block = 0; block < 10 && action == null; block++) {
            InternetHeaders fields = new InternetHeaders(in);
            if (!fields.getAllHeaderLines().hasMoreElements() && block > 0) {
              break;
            }
            action = lower(fields.getHeader("Action", null));
            recipient = address(fields.getHeader("Final-Recipient", null));
            status = trim(fields.getHeader("Status", null));
            diagnostic = trim(fields.getHeader("Diagnostic-Code", null));
          }
        }
      } else if (part.isMimeType("text/rfc822-headers")) {
        try (InputStream in = raw(part)) {
          messageId = bare(new InternetHeaders(in).getHeader("Message-ID", null));
        }
      } else if (part.isMimeType("message/rfc822") && messageId == null) {
        Object content = part.getContent();
        if (content instanceof MimeMessage returned) {
          messageId = bare(returned.getMessageID());
        }
      }
    }
    if (action == null || messageId == null) {
      // without the returned message's id nothing can be matched: an ordinary report
      return Optional.empty();
    }
    return Optional.of(new Report(messageId, recipient, action, status, diagnostic));
  }

  private static InputStream raw(BodyPart part) throws MessagingException, IOException {
    Object content = part.getContent();
    if (content instanceof String text) {
      return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
    if (content instanceof InputStream stream) {
      return stream;
    }
    return part.getInputStream();
  }

  /** {@code rfc822; someone@example.org} → {@code someone@example.org}. */
  private static String address(String field) {
    if (field == null) {
      return null;
    }
    int semicolon = field.indexOf(';');
    String address = (semicolon < 0 ? field : field.substring(semicolon + 1)).strip();
    return address.isEmpty() ? null : address.toLowerCase(Locale.ROOT);
  }

  private static String bare(String messageId) {
    if (messageId == null) {
      return null;
    }
    List<String> ids = MailClassifier.messageIds(messageId);
    return ids.isEmpty() ? null : ids.get(0);
  }

  private static String lower(String value) {
    return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
  }

  private static String trim(String value) {
    return value == null ? null : value.strip();
  }
}
