package it.sportello.ticket.canned;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.ticket.canned.CannedText.Rendered;
import it.sportello.ticket.canned.CannedText.Values;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CannedTextTest {

  private static final Values VALUES =
      new Values(
          "Maria Bianchi", "RS-2026-000042", "TARI", "Anna Rossi", LocalDate.of(2026, 12, 6));

  @Test
  void italianAndEnglishNamesAreFilledIn() {
    Rendered rendered =
        CannedText.render(
            "Gentile {{richiedente.nome}}, pratica {{ pratica.numero }} ({{pratica.oggetto}})."
                + " {{requester.name}} {{ticket.number}} {{ticket.subject}}"
                + " — {{operatore.nome}}/{{operator.name}}",
            VALUES,
            "it");

    assertThat(rendered.text())
        .isEqualTo(
            "Gentile Maria Bianchi, pratica RS-2026-000042 (TARI). Maria Bianchi RS-2026-000042"
                + " TARI — Anna Rossi/Anna Rossi");
    assertThat(rendered.missing()).isEmpty();
  }

  @Test
  void todayIsWrittenInEachLanguage() {
    assertThat(CannedText.render("{{oggi}}", VALUES, "it").text()).isEqualTo("6 dicembre 2026");
    assertThat(CannedText.render("{{today}}", VALUES, "en").text()).isEqualTo("December 6, 2026");
    assertThat(CannedText.render("{{today}}", VALUES, "de").text()).isEqualTo("6. Dezember 2026");
    assertThat(CannedText.render("{{today}}", VALUES, "fr").text()).isEqualTo("6 décembre 2026");
    assertThat(CannedText.render("{{today}}", VALUES, "xx").text())
        .as("an unknown language: Italian")
        .isEqualTo("6 dicembre 2026");
  }

  @Test
  void aMissingValueIsEmptyAndReported() {
    Values none = new Values(null, "RS-1", " ", null, null);

    Rendered rendered =
        CannedText.render(
            "Gentile {{richiedente.nome}}, {{pratica.numero}} {{pratica.oggetto}}{{oggi}}"
                + " {{richiedente.nome}}",
            none,
            "it");

    assertThat(rendered.text()).isEqualTo("Gentile , RS-1  ").doesNotContain("null");
    assertThat(rendered.missing()).containsExactly("richiedente.nome", "pratica.oggetto", "oggi");
  }

  @Test
  void unknownPlaceholdersAreNamedOnceAndLeftAsWrittenWhenRendered() {
    String body = "Ciao {{richiedente.cognome}} {{ foo }} {{foo}} {{requester.name}} {{ unclosed";

    assertThat(CannedText.unknownPlaceholders(body)).containsExactly("richiedente.cognome", "foo");
    assertThat(CannedText.render(body, VALUES, "it").text())
        .isEqualTo("Ciao {{richiedente.cognome}} {{ foo }} {{foo}} Maria Bianchi {{ unclosed");
  }

  @Test
  void textWithDollarsAndBackslashesIsKept() {
    Values odd = new Values("A$1 \\b", null, null, null, null);

    assertThat(CannedText.render("{{requester.name}} costs $2", odd, "en").text())
        .isEqualTo("A$1 \\b costs $2");
  }

  @Test
  void knownNamesListBothLanguages() {
    assertThat(CannedText.knownNames())
        .contains("richiedente.nome", "requester.name", "oggi", "today")
        .hasSize(10);
  }
}
