package it.sportello.channel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedAddressesTest {

  @Test
  void anAddressKeepsItsFirstLetterAndItsDomain() {
    assertThat(MaskedAddresses.mask("francesca.rossi@example.it")).isEqualTo("f***@example.it");
    assertThat(MaskedAddresses.mask(null)).isNull();
  }

  @Test
  void everyAddressInATextIsMaskedAndTheRestKept() {
    assertThat(
            MaskedAddresses.maskAll(
                "550 5.1.1 <mario.bianchi@pec.example.it>: Recipient address rejected;"
                    + " cc anna@example.com, 3 attempts"))
        .isEqualTo(
            "550 5.1.1 <m***@pec.example.it>: Recipient address rejected;"
                + " cc a***@example.com, 3 attempts")
        .doesNotContain("mario.bianchi", "anna@");
    assertThat(MaskedAddresses.maskAll("no address here")).isEqualTo("no address here");
  }

  @Test
  void maskingTwiceChangesNothingMore() {
    String once = MaskedAddresses.maskAll("giulia.verdi@example.it");
    assertThat(MaskedAddresses.maskAll(once)).isEqualTo(once);
  }
}
