package it.sportello.kb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The classification tree in the reader's language (issue 20, item 5): citizens and operators read
 * topics and reasons in Italian, English, German or French, Italian where the tree has no name.
 */
class CategoryNamesIT extends IntegrationTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void topicsAndReasonsAreNamedInTheLanguageOfTheRequest() {
    assertThat(topicName("/api/public/kb/categories", null, "de")).isEqualTo("Gemeindesteuern");
    assertThat(topicName("/api/public/kb/categories", null, "fr")).isEqualTo("Impôts locaux");
    assertThat(topicName("/api/public/kb/categories", null, "en")).isEqualTo("Local taxes");
    assertThat(topicName("/api/public/kb/categories", null, "it")).isEqualTo("Tributi locali");
    assertThat(topicName("/api/public/kb/categories", null, "es"))
        .as("a language the tree does not have: Italian")
        .isEqualTo("Tributi locali");
    assertThat(topicName("/api/kb/categories", "operator1", "de"))
        .as("operators read the tree in their language too")
        .isEqualTo("Gemeindesteuern");

    long tributi = topic("/api/public/kb/categories", null, "de").path("id").asLong();
    ResponseEntity<JsonNode> reasons =
        call(
            HttpMethod.GET,
            "/api/public/kb/categories?parent=" + tributi,
            null,
            null,
            Map.of("Accept-Language", "fr"));
    assertThat(reasons.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(reasons.getBody().findValuesAsText("name")).contains("TARI - taxe sur les déchets");
  }

  @Test
  void aNodeWithoutATranslationKeepsItsItalianName() {
    Long id =
        jdbc.queryForObject(
            "insert into sportello.kb_category (parent_id, code, name, depth, position)"
                + " values (null, 'solo-italiano-' || floor(random() * 1e9)::text,"
                + " 'Solo in italiano', 1, 999) returning id",
            Long.class);
    try {
      JsonNode topics =
          call(
                  HttpMethod.GET,
                  "/api/public/kb/categories",
                  null,
                  null,
                  Map.of("Accept-Language", "de"))
              .getBody();
      boolean found = false;
      for (JsonNode topic : topics) {
        if (topic.path("id").asLong() == id) {
          assertThat(topic.path("name").asText()).isEqualTo("Solo in italiano");
          found = true;
        }
      }
      assertThat(found).isTrue();
    } finally {
      jdbc.update("delete from sportello.kb_category where id = ?", id);
    }
  }

  private String topicName(String path, String user, String language) {
    return topic(path, user, language).path("name").asText();
  }

  private JsonNode topic(String path, String user, String language) {
    ResponseEntity<JsonNode> topics =
        call(HttpMethod.GET, path, user, null, Map.of("Accept-Language", language));
    assertThat(topics.getStatusCode()).isEqualTo(HttpStatus.OK);
    for (JsonNode topic : topics.getBody()) {
      if ("tributi".equals(topic.path("code").asText())) {
        return topic;
      }
    }
    throw new AssertionError("no topic 'tributi' in " + topics.getBody());
  }
}
