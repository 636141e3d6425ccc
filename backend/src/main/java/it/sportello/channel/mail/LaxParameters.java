package it.sportello.channel.mail;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A MIME header parameter read by hand, for the headers Jakarta Mail's strict parser refuses:
 * values with specials unquoted ({@code filename==?utf-8?B?...?=}), a missing disposition before
 * the parameters, RFC 2231 values with charset and language ({@code filename*=utf-8'it'...}) and
 * continuations ({@code filename*0*=...; filename*1*=...}). Plain Java; never throws.
 */
final class LaxParameters {

  private LaxParameters() {}

  /** The parameter's value, decoded (RFC 2231), or null when the header does not have it. */
  static String get(String header, String name) {
    if (header == null) {
      return null;
    }
    String wanted = name.toLowerCase(Locale.ROOT);
    String plain = null;
    String extended = null;
    Map<Integer, String[]> sections = new TreeMap<>();
    for (String segment : segments(MailText.rawHeader(header))) {
      int equals = segment.indexOf('=');
      if (equals < 0) {
        continue;
      }
      String key = segment.substring(0, equals).strip().toLowerCase(Locale.ROOT);
      String value = unquote(segment.substring(equals + 1).strip());
      if (key.equals(wanted)) {
        plain = plain == null ? value : plain;
      } else if (key.equals(wanted + "*")) {
        extended = extended == null ? value : extended;
      } else if (key.startsWith(wanted + "*")) {
        String rest = key.substring(wanted.length() + 1);
        boolean encoded = rest.endsWith("*");
        String number = encoded ? rest.substring(0, rest.length() - 1) : rest;
        if (number.matches("\\d{1,3}")) {
          sections.putIfAbsent(Integer.parseInt(number), new String[] {value, encoded ? "*" : ""});
        }
      }
    }
    if (extended != null) {
      return rfc2231(extended, null);
    }
    if (!sections.isEmpty()) {
      String charset = null;
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      boolean first = true;
      for (String[] section : sections.values()) {
        String value = section[0];
        if (section[1].equals("*")) {
          if (first) {
            int quote = value.indexOf('\'');
            int second = quote < 0 ? -1 : value.indexOf('\'', quote + 1);
            if (second > 0) {
              charset = value.substring(0, quote);
              value = value.substring(second + 1);
            }
          }
          bytes.writeBytes(percentDecoded(value));
        } else {
          bytes.writeBytes(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        first = false;
      }
      return MailText.decode(bytes.toByteArray(), charset == null ? "utf-8" : charset).text();
    }
    return plain;
  }

  /** {@code charset'language'percent-encoded}; without the quotes the value as it is. */
  private static String rfc2231(String value, String charset) {
    int quote = value.indexOf('\'');
    int second = quote < 0 ? -1 : value.indexOf('\'', quote + 1);
    if (second < 0) {
      return MailText.decode(percentDecoded(value), charset == null ? "utf-8" : charset).text();
    }
    String label = value.substring(0, quote);
    return MailText.decode(
            percentDecoded(value.substring(second + 1)), label.isEmpty() ? "utf-8" : label)
        .text();
  }

  private static byte[] percentDecoded(String value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%'
          && i + 2 < value.length()
          && Character.digit(value.charAt(i + 1), 16) >= 0
          && Character.digit(value.charAt(i + 2), 16) >= 0) {
        out.write(
            Character.digit(value.charAt(i + 1), 16) * 16
                + Character.digit(value.charAt(i + 2), 16));
        i += 2;
      } else {
        out.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  /** The header split at semicolons outside quotes; the first segment (the type) included. */
  private static List<String> segments(String header) {
    List<String> segments = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c == '\\' && quoted && i + 1 < header.length()) {
        current.append(c).append(header.charAt(++i));
      } else if (c == '"') {
        quoted = !quoted;
        current.append(c);
      } else if (c == ';' && !quoted) {
        segments.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    segments.add(current.toString());
    return segments;
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
    }
    if (value.startsWith("\"")) {
      return value.substring(1); // an unterminated quote: the rest is the value
    }
    return value;
  }
}
