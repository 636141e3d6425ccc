package it.sportello.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://evil.example\",\"x\")",
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "-1+cmd|' /C calc'!A0",
        "@SUM(1,2)",
        "\t=1+1",
        "\uFF1D1+1"
      })
  void aCellStartingWithAFormulaCharacterStartsWithAQuote(String value) {
    assertThat(CsvCell.neutralised(value)).startsWith("'").isEqualTo("'" + value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x\n=HYPERLINK(\"http://evil.example\",\"x\")",
        "x\r\n+1+1",
        "x\r@SUM(1,2)",
        "Buongiorno,\n\n-2+3",
        "x\n\t=1",
        "\r=1+1"
      })
  void aFormulaAfterALineBreakIsNeutralisedOnItsLineAndAtTheStartOfTheCell(String value) {
    String neutralised = CsvCell.neutralised(value);

    assertThat(neutralised).startsWith("'");
    assertThat(neutralised.split("\r\n|\r|\n", -1))
        .allSatisfy(
            line ->
                assertThat(line)
                    .as("no line of %s may start a formula", neutralised)
                    .doesNotMatch("(?s)^[=+\\-@\\t].*"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Pagamento TARI", "RS-2026-000001", "-12", "-3.5", "1500,50", "a-b=c", ""})
  void harmlessTextAndPlainNumbersStayAsTheyAre(String value) {
    assertThat(CsvCell.neutralised(value)).isEqualTo(value);
  }

  @Test
  void cellsAreQuotedAsRfc4180Asks() {
    assertThat(CsvCell.of("plain", ';')).isEqualTo("plain");
    assertThat(CsvCell.of("a;b", ';')).isEqualTo("\"a;b\"");
    assertThat(CsvCell.of("a,b", ';')).isEqualTo("a,b");
    assertThat(CsvCell.of("a,b", ',')).isEqualTo("\"a,b\"");
    assertThat(CsvCell.of("say \"hi\"", ',')).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvCell.of("=1+1", ',')).isEqualTo("'=1+1");
    assertThat(CsvCell.of(null, ';')).isEmpty();
  }

  @Test
  void aMultiLineCellIsQuotedWithItsFormulaLinesNeutralised() {
    assertThat(CsvCell.of("x\n=HYPERLINK(\"http://evil.example\")", ';'))
        .isEqualTo("\"'x\n'=HYPERLINK(\"\"http://evil.example\"\")\"");
  }
}
