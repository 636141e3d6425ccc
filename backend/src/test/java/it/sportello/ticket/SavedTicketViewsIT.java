package it.sportello.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Saved views: built-in ones with counts, personal ones private, shared ones for supervisors. */
class SavedTicketViewsIT extends IntegrationTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void builtInViewsCountWhatTheirFiltersFind() {
    String number = open("Vista integrata " + UUID.randomUUID());
    jdbc.update(
        "update sportello.ticket set status = 'IN_PROGRESS', taken_in_charge_by = 'operator2',"
            + " take_in_charge_breached = true where number = ?",
        number);

    JsonNode views = views("operator2");
    assertThat(
            StreamSupport.stream(views.spliterator(), false)
                .limit(4)
                .map(v -> v.get("id").asText()))
        .containsExactly(
            "builtin:mine",
            "builtin:unassigned",
            "builtin:breached",
            "builtin:waitingForRequester");
    for (String id :
        List.of(
            "builtin:mine",
            "builtin:breached",
            "builtin:unassigned",
            "builtin:waitingForRequester")) {
      JsonNode view = view(views, id);
      assertThat(view.get("kind").asText()).isEqualTo("BUILT_IN");
      assertThat(view.get("mayDelete").asBoolean()).isFalse();
      // the count is what the search finds with the view's filters
      assertThat(view.get("count").asLong())
          .as(id)
          .isEqualTo(searchTotal("operator2", view.get("filters")));
    }
    assertThat(view(views, "builtin:mine").get("count").asLong()).isPositive();
    assertThat(view(views, "builtin:breached").get("count").asLong()).isPositive();

    // jdbc moved it back: the ticket leaves "mine" once someone else works it
    long before = view(views, "builtin:mine").get("count").asLong();
    jdbc.update(
        "update sportello.ticket set taken_in_charge_by = 'operator1' where number = ?", number);
    assertThat(view(views("operator2"), "builtin:mine").get("count").asLong())
        .isEqualTo(before - 1);
  }

  @Test
  void personalViewsAreInvisibleToOthersAndOnlyTheirOwnerDeletesThem() {
    String name = "Le mie TARI " + UUID.randomUUID().toString().substring(0, 8);
    ResponseEntity<JsonNode> created =
        post(
            "/api/tickets/views",
            "operator1",
            Map.of("name", name, "filters", Map.of("q", "tari", "open", "true"), "sort", "-due"));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode view = created.getBody();
    assertThat(view.get("kind").asText()).isEqualTo("PERSONAL");
    assertThat(view.get("sort").asText()).isEqualTo("-due");
    assertThat(view.get("filters").get("q").asText()).isEqualTo("tari");
    String id = view.get("id").asText();

    assertThat(names(views("operator1"))).contains(name);
    assertThat(names(views("operator2"))).doesNotContain(name);
    assertThat(names(views("supervisor"))).doesNotContain(name);
    assertThat(
            call(HttpMethod.DELETE, "/api/tickets/views/" + id, "operator2", null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            call(HttpMethod.DELETE, "/api/tickets/views/" + id, "supervisor", null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    assertThat(
            post(
                    "/api/tickets/views",
                    "operator1",
                    Map.of("name", name.toUpperCase(), "filters", Map.of()))
                .getStatusCode())
        .as("a second view of the same name")
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(
            call(HttpMethod.DELETE, "/api/tickets/views/" + id, "operator1", null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(names(views("operator1"))).doesNotContain(name);
  }

  @Test
  void sharedViewsAreSeenByAllAndManagedOnlyBySupervisorsAndAdministrators() {
    String name = "Pagamenti urgenti " + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> request =
        Map.of(
            "name", name, "shared", true, "filters", Map.of("queue", "payments", "open", "true"));
    assertThat(post("/api/tickets/views", "operator1", request).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> created = post("/api/tickets/views", "supervisor", request);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = created.getBody().get("id").asText();

    JsonNode seen = view(views("operator1"), id);
    assertThat(seen.get("kind").asText()).isEqualTo("SHARED");
    assertThat(seen.get("mayDelete").asBoolean()).isFalse();
    assertThat(seen.get("count").asLong()).isEqualTo(searchTotal("operator1", seen.get("filters")));
    assertThat(view(views("office1"), id).get("name").asText()).isEqualTo(name);
    assertThat(
            call(HttpMethod.DELETE, "/api/tickets/views/" + id, "operator1", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(view(views("supervisor"), id).get("mayDelete").asBoolean()).isTrue();
    assertThat(call(HttpMethod.DELETE, "/api/tickets/views/" + id, "admin", null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(names(views("operator1"))).doesNotContain(name);
  }

  @Test
  void badFiltersAndPersonalDataAreRefusedNamingTheFilter() {
    ResponseEntity<JsonNode> badStatus =
        post(
            "/api/tickets/views",
            "operator1",
            Map.of("name", "x", "filters", Map.of("status", "LOST")));
    assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badStatus.getBody().get("errors").findValuesAsText("field"))
        .containsExactly("filters.status");
    ResponseEntity<JsonNode> personal =
        post(
            "/api/tickets/views",
            "operator1",
            Map.of("name", "x", "filters", Map.of("fiscalCode", "RSSMRA80A01H501Z")));
    assertThat(personal.getBody().get("errors").findValuesAsText("field"))
        .containsExactly("filters.fiscalCode");
    ResponseEntity<JsonNode> noName =
        post("/api/tickets/views", "operator1", Map.of("name", " ", "filters", Map.of()));
    assertThat(noName.getBody().get("errors").findValuesAsText("field")).containsExactly("name");
    assertThat(get("/api/tickets/views", "auditor").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private String open(String subject) {
    return post("/api/tickets", "operator1", ticketRequest(fiscalCode(), subject))
        .getBody()
        .get("number")
        .asText();
  }

  private JsonNode views(String user) {
    ResponseEntity<JsonNode> response = get("/api/tickets/views", user);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static JsonNode view(JsonNode views, String id) {
    return StreamSupport.stream(views.spliterator(), false)
        .filter(view -> view.get("id").asText().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no view " + id + " in " + views));
  }

  private static List<String> names(JsonNode views) {
    return views.findValuesAsText("name");
  }

  private long searchTotal(String user, JsonNode filters) {
    StringBuilder query = new StringBuilder("size=1");
    filters
        .fields()
        .forEachRemaining(
            f -> query.append('&').append(f.getKey()).append('=').append(f.getValue().asText()));
    return get("/api/tickets/search?" + query, user).getBody().get("total").asLong();
  }
}
