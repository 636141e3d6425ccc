package it.sportello.document;

import java.util.List;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/**
 * The headers of a message read by Tika ({@code .eml}, a message forwarded as an attachment), as
 * text lines: Tika keeps them in the metadata, an operator searches and reads them in the text.
 */
final class MailHeaders {

  private MailHeaders() {}

  /** "From: …", "To: …", "Subject: …", "Date: …" lines for those present, or "". */
  static String of(Metadata metadata) {
    StringBuilder text = new StringBuilder();
    line(text, "From", List.of(metadata.getValues(Metadata.MESSAGE_FROM)));
    line(text, "To", List.of(metadata.getValues(Metadata.MESSAGE_TO)));
    line(text, "Subject", List.of(metadata.getValues(TikaCoreProperties.TITLE)));
    line(text, "Date", List.of(metadata.getValues(TikaCoreProperties.CREATED)));
    return text.isEmpty() ? "" : text.append('\n').toString();
  }

  private static void line(StringBuilder text, String name, List<String> values) {
    List<String> present = values.stream().filter(v -> v != null && !v.isBlank()).toList();
    if (!present.isEmpty()) {
      text.append(name).append(": ").append(String.join(", ", present)).append('\n');
    }
  }
}
