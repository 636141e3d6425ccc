package it.sportello.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The notice board: the communication office and supervisors write, publish and withdraw; everybody
 * reads only the current notices (published, within their validity), in their language or in
 * Italian.
 */
class NoticeBoardIT extends IntegrationTest {

  @Test
  void aPublishedNoticeIsCurrentWithinItsValidityInTheAskedLanguageOrItalian() {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> draft =
        draft(
            Map.of("it", "Scadenza TARI " + marker, "en", "TARI deadline " + marker),
            Instant.now().minus(Duration.ofHours(1)),
            Instant.now().plus(Duration.ofDays(10)));
    ResponseEntity<JsonNode> created = post("/api/notices", "communications1", draft);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode notice = created.getBody();
    long id = notice.get("id").asLong();
    assertThat(notice.get("status").asText()).isEqualTo("DRAFT");
    assertThat(notice.get("createdBy").asText()).isEqualTo("communications1");
    assertThat(titles("it", "tributi")).as("a draft is not public").doesNotContain(title(marker));

    JsonNode published = post("/api/notices/" + id + "/publish", "communications1", null).getBody();
    assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(published.get("publishedBy").asText()).isEqualTo("communications1");
    assertThat(published.get("publishedAt").isTextual()).isTrue();

    assertThat(titles("it", "tributi")).contains(title(marker));
    assertThat(titles("en", "tributi")).contains("TARI deadline " + marker);
    // no German text: the Italian one
    JsonNode german = current("de", "tributi", marker);
    assertThat(german.get("title").asText()).isEqualTo(title(marker));
    assertThat(german.get("language").asText()).isEqualTo("it");
    assertThat(german.get("deadline").asText()).isEqualTo("2026-12-16");
    assertThat(german.get("kind").asText()).isEqualTo("DEADLINE");
    // another topic's page does not show it
    assertThat(titles("it", "anagrafe")).doesNotContain(title(marker));

    JsonNode withdrawn = post("/api/notices/" + id + "/withdraw", "supervisor", null).getBody();
    assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(withdrawn.get("withdrawnBy").asText()).isEqualTo("supervisor");
    assertThat(titles("it", null)).doesNotContain(title(marker));
    assertThat(post("/api/notices/" + id + "/withdraw", "supervisor", null).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void noticesOutsideTheirValidityAreNotCurrent() {
    String future = UUID.randomUUID().toString().substring(0, 8);
    long notYet =
        publish(
            draft(
                Map.of("it", title(future)),
                Instant.now().plus(Duration.ofDays(2)),
                Instant.now().plus(Duration.ofDays(5))));
    String past = UUID.randomUUID().toString().substring(0, 8);
    long expired =
        publish(
            draft(
                Map.of("it", title(past)),
                Instant.now().minus(Duration.ofDays(5)),
                Instant.now().minus(Duration.ofDays(1))));
    List<String> titles = titles("it", null);
    assertThat(titles).doesNotContain(title(future), title(past));
    assertThat(get("/api/notices/" + notYet, "communications1").getBody().get("status").asText())
        .isEqualTo("PUBLISHED");
    assertThat(get("/api/notices/" + expired, "supervisor").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    // a staff edit moves the validity: now it is current
    Map<String, Object> moved =
        draft(
            Map.of("it", title(future)),
            Instant.now().minus(Duration.ofMinutes(5)),
            Instant.now().plus(Duration.ofDays(5)));
    assertThat(
            call(HttpMethod.PUT, "/api/notices/" + notYet, "communications1", moved)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(titles("it", null)).contains(title(future));
  }

  @Test
  void onlyTheCommunicationOfficeAndSupervisorsWriteAndEverybodyReadsTheCurrentOnes() {
    Map<String, Object> draft =
        draft(Map.of("it", "Avviso di prova"), Instant.now(), Instant.now().plusSeconds(3600));
    for (String user : List.of("operator1", "manager1", "kbeditor", "dpo", "api-client")) {
      assertThat(post("/api/notices", user, draft).getStatusCode())
          .as("%s writes a notice", user)
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(get("/api/notices", user).getStatusCode())
          .as("%s lists the staff's notices", user)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(post("/api/notices", null, draft).getStatusCode().value()).isIn(401, 403);
    assertThat(get("/api/notices", null).getStatusCode().value()).isIn(401, 403);
    assertThat(post("/api/notices", "supervisor", draft).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(get("/api/public/notices", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("/api/public/notices?language=en", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void theItalianTextIsRequiredAndBadInputNamesItsField() {
    Map<String, Object> noItalian =
        draft(Map.of("en", "English only"), Instant.now(), Instant.now().plusSeconds(60));
    ResponseEntity<JsonNode> refused = post("/api/notices", "communications1", noItalian);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().toString()).contains("title.it");

    Map<String, Object> backwards =
        draft(Map.of("it", "Al contrario"), Instant.now(), Instant.now().minusSeconds(60));
    backwards.put("topic", "non-esiste");
    ResponseEntity<JsonNode> both = post("/api/notices", "communications1", backwards);
    assertThat(both.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(both.getBody().toString()).contains("validTo").contains("topic");
  }

  private long publish(Map<String, Object> draft) {
    ResponseEntity<JsonNode> created = post("/api/notices", "communications1", draft);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = created.getBody().get("id").asLong();
    assertThat(post("/api/notices/" + id + "/publish", "communications1", null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    return id;
  }

  private static String title(String marker) {
    return "Scadenza TARI " + marker;
  }

  private static Map<String, Object> draft(
      Map<String, String> title, Instant validFrom, Instant validTo) {
    Map<String, Object> draft = new LinkedHashMap<>();
    draft.put("topic", "tributi");
    draft.put("audience", "CITIZENS");
    draft.put("kind", "DEADLINE");
    draft.put("title", title);
    draft.put("body", Map.of("it", "Il pagamento della TARI scade il 16 dicembre."));
    draft.put("validFrom", validFrom.toString());
    draft.put("validTo", validTo.toString());
    draft.put("deadline", LocalDate.of(2026, 12, 16).toString());
    return draft;
  }

  private List<String> titles(String language, String topic) {
    ResponseEntity<JsonNode> response =
        get(
            "/api/public/notices?language=" + language + (topic == null ? "" : "&topic=" + topic),
            null);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody().findValuesAsText("title");
  }

  private JsonNode current(String language, String topic, String marker) {
    JsonNode list =
        get("/api/public/notices?language=" + language + "&topic=" + topic, null).getBody();
    for (JsonNode notice : list) {
      if (notice.get("title").asText().contains(marker)) {
        return notice;
      }
    }
    throw new AssertionError("no current notice " + marker + " in " + list);
  }
}
