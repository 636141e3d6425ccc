package it.sportello.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.sportello.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The web application is typed from {@code frontend/openapi.json}: it must be the API's current
 * document. After changing the API, refresh it with {@code mvn verify
 * -Dsportello.openapi.update=true}.
 */
class OpenApiDocumentIT extends IntegrationTest {

  private static final Path COMMITTED =
      Path.of(System.getProperty("sportello.frontend.dir", "../frontend"), "openapi.json");

  @Test
  void committedDocumentIsTheLiveOne() throws IOException {
    ObjectNode live = (ObjectNode) json.readTree(rest.getForObject("/v3/api-docs", String.class));
    live.remove("servers"); // the test server's random port

    if (Boolean.getBoolean("sportello.openapi.update")) {
      Files.writeString(
          COMMITTED, json.writerWithDefaultPrettyPrinter().writeValueAsString(live) + "\n");
    }

    JsonNode committed = json.readTree(COMMITTED.toFile());
    assertThat(committed)
        .as("frontend/openapi.json is stale: run mvn verify -Dsportello.openapi.update=true")
        .isEqualTo(live);
  }
}
