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
import org.springframework.stereotype.Component;

/**
 * The texts of the mail to requesters, per language, from {@code
 * mail/templates/<language>.properties} (Italian when the language has none, or the template is
 * missing in it).
 */
@Component
class MailTemplates {

  private static final String FALLBACK = "it";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

  private final Map<String, Properties> byLanguage = new ConcurrentHashMap<>();

  record Text(String subject, String body) {}

  Text render(String template, String language, Map<String, String> values) {
    String subject = lookup(template + ".subject", language);
    String body = lookup(template + ".body", language);
    if (subject == null || body == null) {
      // a template nobody wrote yet: still a readable message
      subject = "{subject}";
      body =
          String.join(
              "\n", values.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
    }
    return new Text(fill(subject, values), fill(body, values));
  }

  /**
   * The body as an HTML document: the template's own words escaped (line breaks kept), the values
   * escaped, except those in {@code html}, which are already safe HTML (the operator's answer
   * rendered by {@link MarkdownLite}).
   */
  String renderHtml(
      String template, String language, Map<String, String> values, Map<String, String> html) {
    String body = lookup(template + ".body", language);
    if (body == null) {
      body = String.join("\n", values.keySet().stream().map(key -> "{" + key + "}").toList());
    }
    Matcher matcher = PLACEHOLDER.matcher(body);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (matcher.find()) {
      out.append(escape(body.substring(last, matcher.start())));
      String name = matcher.group(1);
      if (html.containsKey(name)) {
        out.append("<div>").append(html.get(name)).append("</div>");
      } else {
        String value = values.get(name);
        out.append(escape(value == null ? "" : value));
      }
      last = matcher.end();
    }
    out.append(escape(body.substring(last)));
    String lang = language == null ? FALLBACK : language;
    return "<!DOCTYPE html><html lang=\""
        + escape(lang)
        + "\"><head><meta charset=\"UTF-8\"></head>"
        + "<body style=\"font-family:sans-serif;line-height:1.4\">"
        + out
        + "</body></html>";
  }

  /** One line of the template's own text, in the language (Italian when missing), or null. */
  String line(String key, String language) {
    return lookup(key, language);
  }

  private static String escape(String text) {
    return org.jsoup.nodes.Entities.escape(text).replace("\n", "<br>\n");
  }

  private String lookup(String key, String language) {
    String value = texts(language == null ? FALLBACK : language).getProperty(key);
    return value != null ? value : texts(FALLBACK).getProperty(key);
  }

  private Properties texts(String language) {
    return byLanguage.computeIfAbsent(language, MailTemplates::load);
  }

  private static Properties load(String language) {
    Properties properties = new Properties();
    try (InputStream in =
        MailTemplates.class.getResourceAsStream("/mail/templates/" + language + ".properties")) {
      if (in != null) {
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  private static String fill(String text, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
