package it.sportello.channel.mail;

import it.sportello.shared.TextTemplates;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The texts of the mail to requesters, per language: the bundle {@value #BUNDLE} of {@link
 * TextTemplates} ({@code templates/mail/<language>.properties}, each key replaceable from the
 * templates directory without recompiling; Italian when the language has none, or the template is
 * missing in it).
 */
@Component
class MailTemplates {

  /** The bundle of the mail to requesters in {@link TextTemplates}. */
  static final String BUNDLE = "mail";

  private static final String FALLBACK = "it";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

  private final TextTemplates texts;

  MailTemplates(TextTemplates texts) {
    this.texts = texts;
  }

  /** The bundle of the notes the channel writes into tickets ({@link MailNote}). */
  static final String NOTES = "mail-notes";

  record Text(String subject, String body) {}

  /** A note in the language (Italian when missing there), as a bracketed line for a ticket. */
  String note(MailNote note, String language) {
    return "["
        + texts.render(NOTES, note.key(), language == null ? FALLBACK : language, note.values())
        + "]";
  }

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
    return new Text(TextTemplates.fill(subject, values), TextTemplates.fill(body, values));
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
    return texts.find(BUNDLE, key, language).orElse(null);
  }
}
