package it.sportello.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The requester page's API: who may read and edit a contact, every edit traced and validated, stale
 * edits refused, duplicates found and merged with everything that points to them.
 */
class RequesterPageIT extends IntegrationTest {

  @Test
  void staffWithContactRightsEditTheContactAndEveryChangeIsTraced() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    long id = requesterOf(ticket(fiscalCode(), "Rossi " + tag, tag + "@example.it"));

    for (String reader : List.of("operator1", "operator2", "supervisor", "auditor")) {
      assertThat(get("/api/contacts/" + id, reader).getStatusCode())
          .as("%s reads the contact", reader)
          .isEqualTo(HttpStatus.OK);
    }
    for (String stranger : List.of("office1", "secretariat1", "manager1", "analyst", "kbeditor")) {
      assertThat(get("/api/contacts/" + id, stranger).getStatusCode())
          .as("%s has no contact rights", stranger)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }

    JsonNode contact = get("/api/contacts/" + id, "operator1").getBody();
    Map<String, Object> edit = editOf(contact);
    edit.put("phone", "+39 06 1234 5678");
    edit.put("preferredLanguage", "en");
    edit.put("preferredChannel", "PHONE");
    assertThat(put("/api/contacts/" + id, "auditor", edit).getStatusCode())
        .as("auditors only read")
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> edited = put("/api/contacts/" + id, "operator1", edit);
    assertThat(edited.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(edited.getBody().get("phone").asText()).isEqualTo("+390612345678");
    assertThat(edited.getBody().get("version").asLong())
        .isGreaterThan(contact.get("version").asLong());

    JsonNode changes = get("/api/contacts/" + id + "/changes", "auditor").getBody().get("items");
    assertThat(changes).hasSize(3);
    JsonNode phone = find(changes, "phone");
    assertThat(phone.get("changedBy").asText()).isEqualTo("operator1");
    assertThat(phone.hasNonNull("oldValue")).as("there was no phone").isFalse();
    assertThat(phone.get("newValue").asText()).isEqualTo("+390612345678");
    assertThat(find(changes, "preferredChannel").get("newValue").asText()).isEqualTo("PHONE");

    // the same form sent again, from the version read before the change: refused, nothing traced
    edit.put("phone", "+39 333 0000000");
    ResponseEntity<JsonNode> stale = put("/api/contacts/" + id, "operator2", edit);
    assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(stale.getBody().get("detail").asText()).contains("Someone else changed");
    assertThat(get("/api/contacts/" + id + "/changes", "operator1").getBody().get("items"))
        .hasSize(3);
  }

  @Test
  void badValuesAreRefusedNamingTheField() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    long id = requesterOf(ticket(fiscalCode(), "Verdi " + tag, tag + "@example.it"));
    String other = fiscalCode();
    ticket(other, "Neri " + tag, "neri." + tag + "@example.it");
    JsonNode contact = get("/api/contacts/" + id, "operator1").getBody();

    Map<String, Object> edit = editOf(contact);
    edit.put("email", "not an address");
    edit.put("fiscalCode", "RSSMRA80");
    edit.put("preferredLanguage", "xx");
    ResponseEntity<JsonNode> invalid = put("/api/contacts/" + id, "operator1", edit);
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(invalid.getBody().get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("email", "fiscalCode", "preferredLanguage");

    Map<String, Object> taken = editOf(contact);
    taken.put("fiscalCode", other);
    ResponseEntity<JsonNode> duplicate = put("/api/contacts/" + id, "operator1", taken);
    assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(duplicate.getBody().get("errors").get(0).get("field").asText())
        .isEqualTo("fiscalCode");
    assertThat(get("/api/contacts/" + id + "/changes", "operator1").getBody().get("items"))
        .isEmpty();
  }

  @Test
  void aDuplicateIsMergedWithItsTicketsAndInteractionsOnceAndForAll() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String email = "dup." + tag + "@example.it";
    String keptTicket = ticket(fiscalCode(), "Gialli " + tag, email);
    long kept = requesterOf(keptTicket);
    String duplicateFiscalCode = fiscalCode();
    String duplicateTicket = ticket(duplicateFiscalCode, "Gialli " + tag, email);
    long duplicate = requesterOf(duplicateTicket);
    assertThat(duplicate).isNotEqualTo(kept);

    JsonNode candidates = get("/api/contacts/" + kept + "/duplicates", "operator2").getBody();
    JsonNode candidate = null;
    for (JsonNode each : candidates) {
      if (each.at("/contact/id").asLong() == duplicate) candidate = each;
    }
    assertThat(candidate).as("the duplicate is among the candidates").isNotNull();
    assertThat(candidate.get("sameAs").toString()).contains("email", "name");

    assertThat(merge(kept, duplicate, "operator1").getStatusCode())
        .as("level 1 does not merge contacts")
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> merged = merge(kept, duplicate, "operator2");
    assertThat(merged.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(merged.getBody().get("alreadyMerged").asBoolean()).isFalse();
    assertThat(merged.getBody().at("/moved/ticket.requester_id").asInt()).isEqualTo(1);
    assertThat(merged.getBody().at("/moved/interaction.contact_id").asInt()).isPositive();

    assertThat(
            get("/api/tickets?requesterId=" + kept + "&size=50", "operator1")
                .getBody()
                .get("items")
                .findValuesAsText("number"))
        .contains(keptTicket, duplicateTicket);
    assertThat(
            get("/api/contacts/" + kept + "/history?size=200", "operator1")
                .getBody()
                .get("items")
                .findValuesAsText("ticketNumber"))
        .contains(duplicateTicket);
    assertThat(get("/api/contacts/" + duplicate + "/history", "operator1").getBody().get("items"))
        .isEmpty();
    JsonNode pointer = get("/api/contacts/" + duplicate, "operator1").getBody();
    assertThat(pointer.get("mergedIntoId").asLong()).isEqualTo(kept);
    assertThat(
            get("/api/contacts/" + kept + "/changes", "operator1")
                .getBody()
                .get("items")
                .findValuesAsText("field"))
        .containsOnlyOnce("mergedFrom");
    JsonNode duplicateTrail =
        get("/api/contacts/" + duplicate + "/changes", "operator1").getBody().get("items");
    assertThat(find(duplicateTrail, "mergedInto").get("newValue").asText())
        .isEqualTo(Long.toString(kept));
    assertThat(find(duplicateTrail, "mergedInto").get("changedBy").asText()).isEqualTo("operator2");

    // again: nothing more happens
    ResponseEntity<JsonNode> again = merge(kept, duplicate, "supervisor");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody().get("alreadyMerged").asBoolean()).isTrue();
    assertThat(
            get("/api/contacts/" + kept + "/changes", "operator1")
                .getBody()
                .get("items")
                .findValuesAsText("field"))
        .containsOnlyOnce("mergedFrom");
    assertThat(merge(duplicate, kept, "operator2").getStatusCode())
        .as("a merged contact takes nothing in")
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(merge(kept, kept, "operator2").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    // the duplicate's fiscal code now leads to the contact kept
    String later = ticket(duplicateFiscalCode, "Gialli " + tag, email);
    assertThat(requesterOf(later)).isEqualTo(kept);
    assertThat(get("/api/contacts/" + kept + "/duplicates", "operator2").getBody().toString())
        .doesNotContain("\"id\":" + duplicate + ",");
  }

  private String ticket(String fiscalCode, String name, String email) {
    Map<String, Object> request = ticketRequest(fiscalCode, "Pagina del richiedente");
    request.put("requester", Map.of("fiscalCode", fiscalCode, "name", name, "email", email));
    ResponseEntity<JsonNode> opened = post("/api/tickets", "operator1", request);
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return opened.getBody().get("number").asText();
  }

  private long requesterOf(String number) {
    return get("/api/tickets/" + number, "operator1").getBody().at("/requester/id").asLong();
  }

  private ResponseEntity<JsonNode> put(String path, String user, Object body) {
    return call(HttpMethod.PUT, path, user, body);
  }

  private ResponseEntity<JsonNode> merge(long kept, long duplicate, String user) {
    return post("/api/contacts/" + kept + "/merges", user, Map.of("duplicateId", duplicate));
  }

  private static Map<String, Object> editOf(JsonNode contact) {
    Map<String, Object> edit = new LinkedHashMap<>();
    for (String field :
        List.of(
            "version",
            "kind",
            "name",
            "fiscalCode",
            "vatNumber",
            "email",
            "pec",
            "phone",
            "preferredLanguage",
            "preferredChannel")) {
      JsonNode value = contact.get(field);
      edit.put(field, value == null || value.isNull() ? null : value.asText());
    }
    return new HashMap<>(edit);
  }

  private static JsonNode find(JsonNode changes, String field) {
    for (JsonNode change : changes) {
      if (change.get("field").asText().equals(field)) return change;
    }
    throw new AssertionError("no change of " + field + " in " + changes);
  }
}
