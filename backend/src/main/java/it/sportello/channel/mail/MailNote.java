package it.sportello.channel.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A note the mail channel writes into a ticket (a sender taken from Reply-To, a damaged part, an
 * attachment too large), rendered in the ticket's language from {@code
 * mail/notes/<language>.properties} (Italian when the language has none).
 *
 * @param key the note's key in the properties
 * @param values the values of its placeholders
 */
record MailNote(String key, Map<String, String> values) {

  private static final String FALLBACK = "it";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
  private static final Map<String, Properties> BY_LANGUAGE = new ConcurrentHashMap<>();

  MailNote {
    values = Map.copyOf(values);
  }

  static MailNote of(String key, String... namesAndValues) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      values.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
    }
    return new MailNote(key, values);
  }

  /** The note in the language, as a bracketed line for a ticket's text. */
  String render(String language) {
    String text = texts(language == null ? FALLBACK : language).getProperty(key);
    if (text == null) {
      text = texts(FALLBACK).getProperty(key, key + " " + values);
    }
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder("[");
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
    }
    matcher.appendTail(out);
    return out.append(']').toString();
  }

  private static Properties texts(String language) {
    return BY_LANGUAGE.computeIfAbsent(language, MailNote::load);
  }

  private static Properties load(String language) {
    Properties properties = new Properties();
    try (InputStream in =
        MailNote.class.getResourceAsStream("/mail/notes/" + language + ".properties")) {
      if (in != null) {
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
