package it.sportello.channel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every mail to requesters exists in Italian and in English, with the same placeholders. */
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

  private static java.util.Set<String> placeholders(String text) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static Properties load(String language) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        MailTemplatesLanguagesTest.class.getResourceAsStream(
            "/mail/templates/" + language + ".properties")) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
