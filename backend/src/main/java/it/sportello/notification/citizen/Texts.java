package it.sportello.notification.citizen;

/** Small text helpers of the adapters. */
final class Texts {

  private Texts() {}

  /** Within App IO's length limits: shortened with an ellipsis, or padded with spaces. */
  static String between(String text, int min, int max) {
    String value = text == null ? "" : text.strip();
    if (value.length() > max) {
      value = value.substring(0, max - 1) + "…";
    }
    StringBuilder padded = new StringBuilder(value);
    while (padded.length() < min) {
      padded.append(' ');
    }
    return padded.toString();
  }

  /** Markdown markers of the templates removed. */
  static String plain(String markdown) {
    return markdown == null ? "" : markdown.replaceAll("[*_#`]", "");
  }

  static String shortened(String text) {
    if (text == null) {
      return "";
    }
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
