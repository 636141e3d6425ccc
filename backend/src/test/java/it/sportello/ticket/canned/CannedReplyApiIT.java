package it.sportello.ticket.canned;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Canned replies through the API: personal ones only for their owner, shared ones managed only by
 * supervisors, knowledge-base editors and administrators, rendered for a ticket in its language,
 * bad input answered with problems naming the field.
 */
class CannedReplyApiIT extends IntegrationTest {

  private static final String BASE = "/api/canned-replies";

  @Test
  void aPersonalReplyIsItsOwnersOnly() {
    String title = "Mia risposta " + UUID.randomUUID();
    ResponseEntity<JsonNode> created =
        post(BASE, "operator1", reply(title, false, Map.of("it", "Salve {{richiedente.nome}}")));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = created.getBody().path("id").asLong();
    assertThat(created.getBody().path("shared").asBoolean()).isFalse();
    assertThat(created.getBody().path("owner").asText()).isEqualTo("operator1");
    assertThat(created.getBody().path("editable").asBoolean()).isTrue();

    assertThat(titles(get(BASE + "?q=" + title, "operator1"))).containsExactly(title);
    assertThat(titles(get(BASE + "?q=" + title, "operator2"))).isEmpty();
    assertThat(titles(get(BASE + "?q=" + title, "supervisor")))
        .as("not even a supervisor sees another's personal reply")
        .isEmpty();
    assertThat(get(BASE + "/" + id, "operator2").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    Map<String, Object> change = reply(title + " bis", false, Map.of("it", "Buongiorno"));
    change.put("version", created.getBody().path("version").asLong());
    assertThat(call(HttpMethod.PUT, BASE + "/" + id, "operator2", change).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(call(HttpMethod.DELETE, BASE + "/" + id, "supervisor", null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<JsonNode> changed = call(HttpMethod.PUT, BASE + "/" + id, "operator1", change);
    assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(changed.getBody().path("title").asText()).isEqualTo(title + " bis");
    assertThat(call(HttpMethod.PUT, BASE + "/" + id, "operator1", change).getStatusCode())
        .as("the version edited is no longer the current one")
        .isEqualTo(HttpStatus.CONFLICT);

    assertThat(call(HttpMethod.DELETE, BASE + "/" + id, "operator1", null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(titles(get(BASE + "?q=" + title, "operator1"))).isEmpty();
    assertThat(get(BASE + "/" + id, "operator1").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void sharedRepliesAreManagedOnlyBySupervisorsKbEditorsAndAdmins() {
    String title = "Condivisa " + UUID.randomUUID();
    Map<String, Object> shared = reply(title, true, Map.of("it", "Testo condiviso"));
    assertThat(post(BASE, "operator1", shared).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(BASE, "office1", shared).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<JsonNode> created = post(BASE, "kbeditor", shared);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = created.getBody().path("id").asLong();
    assertThat(created.getBody().hasNonNull("owner")).as("shared: no owner").isFalse();

    JsonNode seen = get(BASE + "?q=" + title, "operator1").getBody();
    assertThat(titles(seen)).containsExactly(title);
    assertThat(seen.get(0).path("editable").asBoolean()).isFalse();
    Map<String, Object> change = reply(title, true, Map.of("it", "Nuovo testo"));
    change.put("version", created.getBody().path("version").asLong());
    assertThat(call(HttpMethod.PUT, BASE + "/" + id, "operator1", change).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call(HttpMethod.DELETE, BASE + "/" + id, "operator2", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<JsonNode> changed = call(HttpMethod.PUT, BASE + "/" + id, "supervisor", change);
    assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(changed.getBody().path("bodies").path("it").asText()).isEqualTo("Nuovo testo");
    assertThat(changed.getBody().path("updatedBy").asText()).isEqualTo("supervisor");
    assertThat(call(HttpMethod.DELETE, BASE + "/" + id, "admin", null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(titles(get(BASE + "?q=" + title, "operator1"))).isEmpty();
  }

  @Test
  void theDemoRepliesAreSharedAndFilteredByQueue() {
    List<String> all = titles(get(BASE, "operator1"));
    assertThat(all).contains("Saluto e presa in carico", "Come pagare con pagoPA");
    assertThat(titles(get(BASE + "?queue=privacy", "operator1")))
        .contains("Saluto e presa in carico")
        .doesNotContain("Come pagare con pagoPA");
    assertThat(titles(get(BASE + "?queue=payments&q=PAGOPA", "operator1")))
        .containsExactly("Come pagare con pagoPA");
    assertThat(get(BASE, "auditor").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aReplyIsRenderedForATicketInItsLanguage() {
    // 23:30 UTC on 1 March is already 2 March in the service calendar's zone (Europe/Rome)
    clock.pin(Instant.parse("2034-03-01T23:30:00Z"));
    Map<String, Object> request = ticketRequest(fiscalCode(), "Abfallgebühr doppelt bezahlt");
    request.put("language", "de");
    ResponseEntity<JsonNode> ticket = post("/api/tickets", "operator1", request);
    assertThat(ticket.getStatusCode().is2xxSuccessful()).as("%s", ticket).isTrue();
    String number = ticket.getBody().path("number").asText();

    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("it", "Gentile {{richiedente.nome}}, pratica {{pratica.numero}} del {{oggi}}.");
    bodies.put("de", "Sehr geehrte/r {{requester.name}}, Vorgang {{ticket.number}}, {{today}}.");
    long id =
        post(BASE, "operator1", reply("Render " + UUID.randomUUID(), false, bodies))
            .getBody()
            .path("id")
            .asLong();
    long italianOnly =
        post(
                BASE,
                "operator1",
                reply(
                    "Solo italiano " + UUID.randomUUID(),
                    false,
                    Map.of("it", "{{operatore.nome}}: {{pratica.oggetto}}")))
            .getBody()
            .path("id")
            .asLong();

    ResponseEntity<JsonNode> rendered =
        post(BASE + "/" + id + "/render", "operator1", Map.of("ticket", number));
    assertThat(rendered.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rendered.getBody().path("language").asText()).isEqualTo("de");
    assertThat(rendered.getBody().path("text").asText())
        .isEqualTo("Sehr geehrte/r Maria Bianchi, Vorgang " + number + ", 2. März 2034.");
    assertThat(rendered.getBody().path("missing")).isEmpty();

    JsonNode fallback =
        post(BASE + "/" + italianOnly + "/render", "operator1", Map.of("ticket", number)).getBody();
    assertThat(fallback.path("language").asText()).isEqualTo("it");
    assertThat(fallback.path("text").asText())
        .isEqualTo("operator1 (demo): Abfallgebühr doppelt bezahlt");

    assertThat(
            post(BASE + "/" + id + "/render", "operator2", Map.of("ticket", number))
                .getStatusCode())
        .as("another operator's personal reply")
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            post(BASE + "/" + id + "/render", "operator1", Map.of("ticket", "RS-1999-999999"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            post(BASE + "/" + id + "/render", "kbeditor", Map.of("ticket", number)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void badInputIsAProblemNamingTheField() {
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("it", "Gentile {{richiedente.cognome}}");
    bodies.put("fr", "x".repeat(4001));
    ResponseEntity<JsonNode> refused = post(BASE, "operator1", reply(" ", false, bodies));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    Map<String, String> errors = errors(refused.getBody());
    assertThat(errors).containsKeys("title", "bodies.it", "bodies.fr");
    assertThat(errors.get("bodies.it")).contains("{{richiedente.cognome}}");

    assertThat(errors(post(BASE, "operator1", Map.of("title", "Senza testo")).getBody()))
        .containsKey("bodies.it");
    ResponseEntity<JsonNode> unknownQueue =
        post(
            BASE,
            "operator1",
            Map.of("title", "Coda", "queue", "nessuna", "bodies", Map.of("it", "Testo")));
    assertThat(errors(unknownQueue.getBody())).containsKey("queue");
    assertThat(errors(post(BASE + "/1/render", "operator1", Map.of()).getBody()))
        .containsKey("ticket");
  }

  private static Map<String, Object> reply(
      String title, boolean shared, Map<String, String> bodies) {
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("title", title);
    reply.put("shared", shared);
    reply.put("bodies", bodies);
    return reply;
  }

  private static List<String> titles(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return titles(response.getBody());
  }

  private static List<String> titles(JsonNode list) {
    return StreamSupport.stream(list.spliterator(), false)
        .map(reply -> reply.path("title").asText())
        .toList();
  }

  private static Map<String, String> errors(JsonNode problem) {
    Map<String, String> errors = new LinkedHashMap<>();
    problem
        .path("errors")
        .forEach(e -> errors.put(e.path("field").asText(), e.path("message").asText()));
    return errors;
  }
}
