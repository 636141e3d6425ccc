package it.sportello.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The texts an administration edits: complete in four languages, and replaceable. */
class TextTemplatesTest {

  private static final String PROCEDURES = "procedures";

  private final TextTemplates defaults = new TextTemplates(new TemplateProperties(null, "it"));

  @ParameterizedTest
  @ValueSource(strings = {"en", "de", "fr"})
  void everyKeyExistsInEveryLanguageWithTheSamePlaceholders(String language) {
    Set<String> italian = defaults.keys(PROCEDURES, "it");
    assertThat(italian)
        .contains("COMPLAINT_NOTICE.body", "COMPLAINT_DISMISSED.body", "LETTER.body");
    assertThat(defaults.keys(PROCEDURES, language)).isEqualTo(italian);
    for (String key : italian) {
      assertThat(TextTemplates.placeholders(defaults.find(PROCEDURES, key, language).orElseThrow()))
          .as("placeholders of %s in %s", key, language)
          .isEqualTo(
              TextTemplates.placeholders(defaults.find(PROCEDURES, key, "it").orElseThrow()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"it", "en", "de", "fr"})
  void everyTextRendersWithItsPlaceholders(String language) {
    for (String key : defaults.keys(PROCEDURES, language)) {
      String template = defaults.find(PROCEDURES, key, language).orElseThrow();
      Map<String, String> values =
          TextTemplates.placeholders(template).stream()
              .collect(Collectors.toMap(Function.identity(), name -> "<" + name + "-value>"));
      String text = defaults.render(PROCEDURES, key, language, values);
      assertThat(text).as("%s in %s", key, language).doesNotContainPattern("\\{\\w+}");
      values.values().forEach(value -> assertThat(text).contains(value));
    }
  }

  @Test
  void theItalianFormalNoticeReadsAsBefore() {
    String text =
        defaults.render(
            PROCEDURES,
            "COMPLAINT_NOTICE.body",
            "it",
            Map.of(
                "number", "RECL-2026-000001",
                "supplier", "Pulizie Srl",
                "contract", "C-12",
                "description", "Mancata pulizia.",
                "dueDate", "01/02/2026"));
    assertThat(text)
        .isEqualTo(
            "Oggetto: contestazione di inadempimento — procedimento RECL-2026-000001\n\n"
                + "Spett.le Pulizie Srl,\nin relazione al contratto C-12 si contesta quanto"
                + " segue:\n\nMancata pulizia.\n\nEventuali controdeduzioni potranno essere"
                + " trasmesse entro il 01/02/2026 rispondendo a questa PEC (indicando il numero"
                + " RECL-2026-000001 nell'oggetto).\n");
  }

  @Test
  void aLanguageWithoutTheKeyFallsBackToItalian() {
    assertThat(defaults.find(PROCEDURES, "LETTER.subject", "es"))
        .isEqualTo(defaults.find(PROCEDURES, "LETTER.subject", "it"));
  }

  @Test
  void anAdministrationReplacesATextWithoutRecompiling(@TempDir Path directory) throws IOException {
    TextTemplates templates = new TextTemplates(new TemplateProperties(directory, "it"));
    Map<String, String> values = Map.of("number", "PROT-1", "subject", "Orari");
    assertThat(templates.render(PROCEDURES, "LETTER.subject", "it", values))
        .isEqualTo("[PROT-1] Orari");

    Path file = directory.resolve(PROCEDURES).resolve("it.properties");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "LETTER.subject=Prot. {number}: {subject}\n", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));

    assertThat(templates.render(PROCEDURES, "LETTER.subject", "it", values))
        .isEqualTo("Prot. PROT-1: Orari");
    // the keys it does not replace keep their defaults
    assertThat(templates.find(PROCEDURES, "LETTER.body", "it"))
        .isEqualTo(defaults.find(PROCEDURES, "LETTER.body", "it"));

    Files.writeString(file, "LETTER.subject=Protocollo {number}\n", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
    assertThat(templates.render(PROCEDURES, "LETTER.subject", "it", values))
        .isEqualTo("Protocollo PROT-1");
  }

  /**
   * Every bundle an administration may replace (each folder of {@code templates/}), each complete
   * in the four languages.
   */
  static final java.util.List<String> BUNDLES = bundles();

  private static java.util.List<String> bundles() {
    try (var folders =
        Files.list(Path.of(TextTemplatesTest.class.getResource("/templates").toURI()))) {
      return folders
          .filter(Files::isDirectory)
          .map(f -> f.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException | java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theBundlesAreFound() {
    assertThat(BUNDLES).contains("procedures", "mail", "mail-notes", "citizen-messages", "chat");
  }

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments>
      bundlesAndLanguages() {
    return BUNDLES.stream()
        .flatMap(
            bundle ->
                java.util.stream.Stream.of("en", "de", "fr")
                    .map(
                        language ->
                            org.junit.jupiter.params.provider.Arguments.of(bundle, language)));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @org.junit.jupiter.params.provider.MethodSource("bundlesAndLanguages")
  void everyBundleHasItaliansKeysAndPlaceholdersInEveryLanguage(String bundle, String language) {
    Set<String> italian = defaults.keys(bundle, "it");
    assertThat(italian).as("%s in Italian", bundle).isNotEmpty();
    assertThat(defaults.keys(bundle, language)).as("%s in %s", bundle, language).isEqualTo(italian);
    for (String key : italian) {
      String text = defaults.find(bundle, key, language).orElseThrow();
      assertThat(text).as("%s/%s in %s", bundle, key, language).isNotBlank();
      assertThat(TextTemplates.placeholders(text))
          .as("placeholders of %s/%s in %s", bundle, key, language)
          .isEqualTo(TextTemplates.placeholders(defaults.find(bundle, key, "it").orElseThrow()));
    }
  }

  @Test
  void theMailToRequestersIsReplacedFromTheDirectory(@TempDir Path directory) throws IOException {
    TextTemplates templates = new TextTemplates(new TemplateProperties(directory, "it"));
    Path file = directory.resolve("mail").resolve("de.properties");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file, "TICKET_CLOSED.subject=Ihre Anfrage {number}\n", StandardCharsets.UTF_8);

    assertThat(templates.render("mail", "TICKET_CLOSED.subject", "de", Map.of("number", "T-1")))
        .isEqualTo("Ihre Anfrage T-1");
    assertThat(templates.find("mail", "TICKET_CLOSED.body", "de"))
        .isEqualTo(defaults.find("mail", "TICKET_CLOSED.body", "de"));
  }
}
