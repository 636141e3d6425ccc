package it.sportello.channel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The mails to requesters and the mail channel's notes in French: Italian's texts, translated. */
class FrenchMailTextsTest {

  @ParameterizedTest
  @ValueSource(strings = {"templates", "notes"})
  void frenchHasItaliansKeysAndPlaceholders(String kind) throws IOException {
    Properties italian = load(kind, "it");
    Properties french = load(kind, "fr");

    assertThat(french.stringPropertyNames()).isEqualTo(italian.stringPropertyNames());
    for (String key : italian.stringPropertyNames()) {
      assertThat(french.getProperty(key)).as(key).isNotBlank();
      assertThat(placeholders(french.getProperty(key)))
          .as(key)
          .isEqualTo(placeholders(italian.getProperty(key)));
    }
  }

  @Test
  void aNoteInAFrenchMailboxIsWrittenInFrench() {
    MailTemplates templates =
        new MailTemplates(
            new it.sportello.shared.TextTemplates(
                new it.sportello.shared.TemplateProperties(null, "it")));
    assertThat(templates.note(MailNote.of("TOO_LARGE", "file", "a.pdf", "limit", "10 MB"), "fr"))
        .isEqualTo(
            "[Pièce jointe « a.pdf » trop volumineuse (limite 10 MB) : non enregistrée. Demandez le"
                + " fichier au demandeur par un autre moyen.]");
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = Pattern.compile("\\{(\\w+)}").matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static Properties load(String kind, String language) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = FrenchMailTextsTest.class.getResourceAsStream(resource(kind, language))) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  /**
   * The mail to requesters are the templates' bundle "mail"; the notes are its bundle "mail-notes".
   */
  private static String resource(String kind, String language) {
    return ("templates".equals(kind) ? "/templates/mail/" : "/templates/mail-" + kind + "/")
        + language
        + ".properties";
  }
}
