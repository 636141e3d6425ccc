package it.sportello.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.sportello.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
    List<String> differences = new ArrayList<>();
    differences("", committed, live, differences);
    assertThat(differences)
        .as("frontend/openapi.json is stale: run mvn verify -Dsportello.openapi.update=true")
        .isEmpty();
  }

  /** JSON pointers where the two documents differ (at most 20). */
  private static void differences(
      String at, JsonNode expected, JsonNode actual, List<String> found) {
    if (found.size() >= 20 || expected.equals(actual)) {
      return;
    }
    if (expected.isObject() && actual.isObject()) {
      Set<String> names = new TreeSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode left = expected.get(name);
        JsonNode right = actual.get(name);
        if (left == null || right == null) {
          found.add(at + "/" + name + (left == null ? " (new)" : " (gone)"));
        } else {
          differences(at + "/" + name, left, right, found);
        }
      }
      return;
    }
    found.add(at);
  }
}
