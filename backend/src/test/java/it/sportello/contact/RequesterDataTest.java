package it.sportello.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequesterDataTest {

  @Test
  void identifiersAreNormalisedSoTheSamePersonIsFoundAgain() {
    RequesterData data =
        new RequesterData(
            "  Mario Rossi ",
            "rssmra 80a01 h501u",
            " 0123 4567 890 ",
            "Mario.Rossi@Example.IT",
            "+39 06-123.4567");

    assertThat(data.name()).isEqualTo("Mario Rossi");
    assertThat(data.fiscalCode()).isEqualTo("RSSMRA80A01H501U");
    assertThat(data.vatNumber()).isEqualTo("01234567890");
    assertThat(data.email()).isEqualTo("mario.rossi@example.it");
    assertThat(data.phone()).isEqualTo("+39061234567");
  }

  @Test
  void blanksBecomeUnknown() {
    RequesterData data = new RequesterData(" ", "", null, "  ", null);

    assertThat(data.name()).isNull();
    assertThat(data.fiscalCode()).isNull();
    assertThat(data.email()).isNull();
  }
}
