package it.sportello.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DbTextTest {

  @Test
  void nulCharactersAreRemovedAndLoneSurrogatesReplaced() {
    assertThat(DbText.clean("Rimborso\u0000 TARI")).isEqualTo("Rimborso TARI");
    assertThat(DbText.clean("a\uD800b")).isEqualTo("a\uFFFDb");
    assertThat(DbText.clean("a\uDC00")).isEqualTo("a\uFFFD");
    assertThat(DbText.clean("\uD83C\uDF89 festa")).isEqualTo("\uD83C\uDF89 festa");
    assertThat(DbText.clean(null)).isNull();
  }

  @Test
  void cleanTextIsReturnedAsItIs() {
    String text = "Già pagato \uD83D\uDE00";
    assertThat(DbText.clean(text)).isSameAs(text);
  }

  @Test
  void longTextIsCutByCodePointsWithoutSplittingAPair() {
    String emoji = "\uD83C\uDF89";
    String text = "ab" + emoji + emoji + "cd";
    assertThat(DbText.bounded(text, 4)).isEqualTo("ab" + emoji + DbText.ELLIPSIS);
    assertThat(DbText.bounded(text, 6)).isEqualTo(text);
    assertThat(DbText.bounded("x".repeat(254), 200)).hasSize(200).endsWith(DbText.ELLIPSIS);
    assertThat(DbText.fits("x".repeat(320), 320)).isTrue();
    assertThat(DbText.fits("x".repeat(365), 320)).isFalse();
    assertThat(DbText.bounded("a\u0000".repeat(10), 10)).isEqualTo("aaaaaaaaaa");
  }
}
