package it.sportello.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The names the screens show instead of codes: queues, offices, topics and reasons. */
class ReferenceIT extends IntegrationTest {

  @Test
  void everySignedInUserGetsQueuesOfficesAndCategoriesWithTheirNames() {
    for (String user : List.of("operator1", "office1", "auditor", "analyst")) {
      ResponseEntity<JsonNode> response = get("/api/reference", user);
      assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
    }
    JsonNode reference = get("/api/reference", "operator1").getBody();

    JsonNode general = find(reference.path("queues"), "general");
    assertThat(general.path("nameIt").asText()).isNotBlank().isNotEqualTo("general");
    assertThat(general.path("nameEn").asText()).isNotBlank();
    assertThat(codes(reference.path("offices"))).isNotEmpty().doesNotHaveDuplicates();
    reference
        .path("offices")
        .forEach(office -> assertThat(office.path("name").asText()).isNotBlank());

    JsonNode categories = reference.path("categories");
    assertThat(categories).isNotEmpty();
    categories.forEach(
        category -> {
          assertThat(category.path("depth").asInt()).isBetween(1, 2);
          if (category.path("depth").asInt() == 2) {
            // a reason names its topic, which comes before it
            assertThat(codes(categories)).contains(category.path("parentCode").asText());
          }
        });
  }

  @Test
  void aVisitorGetsNothing() {
    assertThat(get("/api/reference", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private static JsonNode find(JsonNode list, String code) {
    for (JsonNode each : list) {
      if (each.path("code").asText().equals(code)) return each;
    }
    throw new AssertionError("no " + code + " in " + list);
  }

  private static List<String> codes(JsonNode list) {
    List<String> codes = new ArrayList<>();
    list.forEach(each -> codes.add(each.path("code").asText()));
    return codes;
  }
}
