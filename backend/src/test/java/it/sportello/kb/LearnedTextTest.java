package it.sportello.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LearnedTextTest {

  @Test
  void theTicketsWordsStayAndTheRequestersPersonalDataGoes() {
    String text =
        LearnedText.of(
            "Rimborso del bollo auto pagato due volte",
            "Buongiorno, sono Anna Maria De Santis (anna.desantis@example.it, CF"
                + " DSNNMR75C41F205W), cell. +39 347 555 1234. Ho pagato il bollo due volte, potete"
                + " rimborsare sull'IBAN IT60 X054 2811 1010 0000 0123 456? Grazie, Anna",
            List.of("Anna Maria De Santis"));
    assertThat(text)
        .contains("Rimborso del bollo auto pagato due volte")
        .contains("Ho pagato il bollo due volte")
        .doesNotContainIgnoringCase("anna")
        .doesNotContainIgnoringCase("maria")
        .doesNotContainIgnoringCase("santis")
        .doesNotContain("@")
        .doesNotContainIgnoringCase("DSNNMR75C41F205W")
        .doesNotContain("347")
        .doesNotContain("1234")
        .doesNotContain("IT60")
        .doesNotContain("0123");
    assertThat(text).as("short name words (De) are not removed from other words").contains("due");
  }

  @Test
  void longTextsAreCutAtAWord() {
    String text = LearnedText.of("Oggetto", "parola ".repeat(200), List.of());
    assertThat(text.length()).isLessThanOrEqualTo(LearnedText.MAX_LENGTH);
    assertThat(text).endsWith("parola");
  }
}
