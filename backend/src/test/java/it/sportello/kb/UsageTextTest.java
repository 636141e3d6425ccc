package it.sportello.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsageTextTest {

  @Test
  void theSameSearchIsKeptTheSameWayWhateverCaseAndSpaces() {
    assertThat(UsageText.query("  Come PAGO   la\tTARI ")).isEqualTo("come pago la tari");
    assertThat(UsageText.query(null)).isEmpty();
  }

  @Test
  void whatIdentifiesAPersonBecomesAPlaceholder() {
    assertThat(UsageText.query("Certificato per mario.rossi@example.it"))
        .isEqualTo("certificato per [email]");
    assertThat(UsageText.query("residenza RSSMRA80A01H501U"))
        .isEqualTo("residenza [codice fiscale]");
    assertThat(UsageText.query("richiamatemi al 333 123 4567 grazie"))
        .isEqualTo("richiamatemi al [numero] grazie");
    assertThat(UsageText.query("avviso 302000001234567890")).isEqualTo("avviso [numero]");
  }

  @Test
  void yearsAndShortNumbersStay() {
    assertThat(UsageText.query("IMU 2026 rata 2")).isEqualTo("imu 2026 rata 2");
  }

  @Test
  void longTextsAreCut() {
    assertThat(UsageText.query("a".repeat(500))).hasSize(UsageText.MAX_LENGTH);
  }
}
