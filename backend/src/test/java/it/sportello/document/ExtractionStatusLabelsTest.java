package it.sportello.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The workspace names every status but {@code OK} under an attachment, in both languages. */
class ExtractionStatusLabelsTest {

  @ParameterizedTest
  @ValueSource(strings = {"it", "en"})
  void everyStatusButOkHasALabel(String language) throws IOException {
    Path locale =
        Path.of(
            System.getProperty("sportello.frontend.dir", "../frontend"),
            "src",
            "locales",
            language + ".json");
    JsonNode labels =
        new ObjectMapper().readTree(locale.toFile()).path("attachments").path("status");

    assertThat(
            Arrays.stream(ExtractionStatus.values())
                .filter(status -> status != ExtractionStatus.OK)
                .filter(status -> labels.path(status.name()).asText("").isBlank())
                .toList())
        .as("statuses without a label in " + locale)
        .isEmpty();
  }
}
