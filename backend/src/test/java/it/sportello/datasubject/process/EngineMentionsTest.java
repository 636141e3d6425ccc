package it.sportello.datasubject.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The identifiers become one literal, case-insensitive alternation: no character is a pattern. */
class EngineMentionsTest {

  @Test
  void identifiersAreMatchedLiterallyWhateverTheirCharacters() {
    String pattern =
        EngineMentions.pattern(
            List.of("RSSMRA80A01H501U", "mario.rossi+tari@example.it", "+39 333 1234567"));
    // PostgreSQL's and Java's regular expressions agree on these escapes
    Pattern compiled = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
    assertThat(compiled.matcher("Richiamare rssmra80a01h501u domani").find()).isTrue();
    assertThat(compiled.matcher("scrive da Mario.Rossi+TARI@example.it").find()).isTrue();
    assertThat(compiled.matcher("tel. +39 333 1234567").find()).isTrue();
    assertThat(compiled.matcher("mario_rossi+tari@example.it").find())
        .as("a dot is a dot, not any character")
        .isFalse();
    assertThat(compiled.matcher("mariorossitari@exampleXit").find()).isFalse();
  }
}
