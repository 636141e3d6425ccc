package it.sportello.channel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every mail to requesters exists in Italian, English and German, and every note of the mail
 * channel in Italian and German, with the same placeholders; other languages' texts have Italian's.
 */
class MailTemplatesLanguagesTest {

  @Test
  void italianAndEnglishHaveTheSameTemplatesAndPlaceholders() throws IOException {
    Properties italian = load("it");
    Properties english = load("en");

    assertThat(english.stringPropertyNames()).isEqualTo(italian.stringPropertyNames());
    for (String key : italian.stringPropertyNames()) {
      assertThat(placeholders(english.getProperty(key)))
          .as(key)
          .isEqualTo(placeholders(italian.getProperty(key)));
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"templates", "notes"})
  void germanHasEveryTextOfItalianWithTheSamePlaceholders(String kind) throws IOException {
    Properties italian = load(kind, "it");
    Properties german = load(kind, "de");

    assertThat(german.stringPropertyNames()).isEqualTo(italian.stringPropertyNames());
    for (String key : italian.stringPropertyNames()) {
      assertThat(placeholders(german.getProperty(key)))
          .as(key)
          .isEqualTo(placeholders(italian.getProperty(key)));
      assertThat(german.getProperty(key)).as(key).isNotBlank();
    }
  }

  /** A language may lack a text (Italian stands in), but never has a key or placeholder more. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"templates, fr", "notes, fr", "notes, en"})
  void everyLanguagesTextsAreItaliansWithTheirPlaceholders(String kind, String language)
      throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        MailTemplatesLanguagesTest.class.getResource(resource(kind, language)) != null,
        () -> "mail/" + kind + "/" + language + ".properties is absent: Italian stands in");
    Properties italian = load(kind, "it");
    Properties other = load(kind, language);

    assertThat(italian.stringPropertyNames()).containsAll(other.stringPropertyNames());
    for (String key : other.stringPropertyNames()) {
      assertThat(placeholders(other.getProperty(key)))
          .as(key)
          .isEqualTo(placeholders(italian.getProperty(key)));
    }
  }

  private static java.util.Set<String> placeholders(String text) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static Properties load(String language) throws IOException {
    return load("templates", language);
  }

  private static Properties load(String kind, String language) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        MailTemplatesLanguagesTest.class.getResourceAsStream(resource(kind, language))) {
      assertThat(in).as("mail/%s/%s.properties", kind, language).isNotNull();
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
