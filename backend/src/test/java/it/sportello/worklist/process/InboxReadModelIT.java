package it.sportello.worklist.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.TestCategories;
import it.sportello.contact.Contact;
import it.sportello.contact.ContactDetails;
import it.sportello.contact.ContactEditor;
import it.sportello.contact.ContactRegistry;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inbox read model (ADR 0035) follows the engine: a task's row appears when it is created,
 * carries its queue and follows a reclassification, its assignee when taken, disappears when the
 * task is completed, and the rebuild at start restores rows the table lacks and removes stale ones.
 * Its requester's details (what the requester filter matches) follow the contact's edits and
 * merges.
 */
class InboxReadModelIT extends IntegrationTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired InboxRebuild rebuild;
  @Autowired ContactEditor editor;
  @Autowired ContactRegistry contacts;

  @Test
  void aReclassifiedTicketMovesToItsNewQueueInTheInboxFilters() throws Exception {
    String number = open("Accesso al portale");
    assertThat(numbers("/api/inbox?size=200&queue=general&number=" + number)).contains(number);
    assertThat(row(number).get("queue")).isEqualTo("general");

    String reason = TestCategories.create(jdbc).reason();
    assertThat(
            post(
                    "/api/tickets/" + number + "/classification",
                    "operator1",
                    Map.of(
                        "queue", "payments", "priority", 2, "category", reason, "reason", "TARI"))
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);

    assertThat(row(number)).containsEntry("queue", "payments").containsEntry("ticket_priority", 2);
    assertThat((String[]) ((java.sql.Array) row(number).get("candidate_groups")).getArray())
        .contains("payments")
        .doesNotContain("general");
    assertThat(numbers("/api/inbox?size=200&queue=payments&priority=2&number=" + number))
        .containsExactly(number);
    assertThat(numbers("/api/inbox?size=200&queue=general&number=" + number)).isEmpty();
  }

  @Test
  void aTakenTaskCarriesItsAssigneeAndACompletedOneLeavesTheTable() throws Exception {
    String number = open("Presa in carico");
    JsonNode waiting = only(number);
    String taskId = waiting.get("taskId").asText();
    assertThat(row(number).get("assignee")).isNull();

    post("/api/tasks/" + taskId + "/claim", "operator1", null);
    assertThat(row(number)).containsEntry("assignee", "operator1");
    assertThat(numbers("/api/inbox?size=200&number=" + number)).containsExactly(number);

    jdbc.update("delete from sportello.inbox_task where task_id = ?", taskId);
    jdbc.update(
        "insert into sportello.inbox_task (task_id, created_at, priority) values ('gone', now(), 50)");
    rebuild.rebuild();
    assertThat(row(number))
        .as("the rebuild restores the row of an open task from the engine's tables")
        .containsEntry("task_id", taskId)
        .containsEntry("assignee", "operator1")
        .containsEntry("queue", "general");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.inbox_task where task_id = 'gone'", Long.class))
        .as("and removes the row of a task that is no longer open")
        .isZero();

    assertThat(
            post("/api/tasks/" + taskId + "/complete", "operator1", Map.of("decision", "ESCALATE"))
                .getStatusCode()
                .is2xxSuccessful())
        .isTrue();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.inbox_task where task_id = ?", Long.class, taskId))
        .as("the completed task left the table")
        .isZero();
    Map<String, Object> level2 = row(number);
    assertThat(level2.get("task_id"))
        .as("the next task, created in the same transaction")
        .isNotEqualTo(taskId);
    assertThat((String[]) ((java.sql.Array) level2.get("candidate_groups")).getArray())
        .contains("level2");
    assertThat(level2.get("assignee")).isNull();
  }

  @Test
  void aTaskCarriesItsRequesterAndFollowsTheContactsEditAndMerge() {
    String fiscalCode = fiscalCode();
    String surname = "Quarenghi" + fiscalCode.substring(0, 5).toLowerCase(java.util.Locale.ROOT);
    String email = ("anna." + surname + "@example.it").toLowerCase(java.util.Locale.ROOT);
    String number = open(fiscalCode, "Anna " + surname, email);
    assertThat(row(number))
        .containsEntry("requester_name", "Anna " + surname)
        .containsEntry("requester_fiscal_code", fiscalCode)
        .containsEntry("requester_email", email);
    assertThat(numbers("/api/inbox?size=200&requester=" + email.toUpperCase(java.util.Locale.ROOT)))
        .as("a whole e-mail, in any case")
        .containsExactly(number);
    assertThat(
            numbers("/api/inbox?size=200&requester=" + surname.toUpperCase(java.util.Locale.ROOT)))
        .containsExactly(number);

    // staff correct the requester's name: the open task follows at once (V66's trigger)
    long contactId = requesterOf(number);
    Contact contact = contacts.get(contactId);
    String married =
        "Anna Colleoni" + fiscalCode.substring(0, 5).toLowerCase(java.util.Locale.ROOT);
    editor.edit(contactId, contact.getVersion(), detailsOf(contact, married), "supervisor1");
    assertThat(row(number)).containsEntry("requester_name", married);
    assertThat(numbers("/api/inbox?size=200&requester=" + surname)).isEmpty();
    assertThat(numbers("/api/inbox?size=200&requester=" + married.substring(5)))
        .containsExactly(number);

    // a duplicate without a fiscal code, with its own ticket, merged into that contact: its task
    // now carries the kept contact's details, so the kept contact's fiscal code finds both
    String duplicateSurname =
        "Brembati" + fiscalCode.substring(0, 5).toLowerCase(java.util.Locale.ROOT);
    Map<String, Object> request = ticketRequest(fiscalCode(), "Dal duplicato");
    request.put(
        "requester",
        Map.of("name", "A. " + duplicateSurname, "email", duplicateSurname + "@example.it"));
    var created = post("/api/tickets", "operator1", request);
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    String other = created.getBody().get("number").asText();
    assertThat(numbers("/api/inbox?size=200&requester=" + fiscalCode)).containsExactly(number);

    editor.merge(contactId, requesterOf(other), "supervisor1");
    assertThat(requesterOf(other)).isEqualTo(contactId);
    assertThat(row(other))
        .containsEntry("requester_name", married)
        .containsEntry("requester_fiscal_code", fiscalCode);
    assertThat(numbers("/api/inbox?size=200&requester=" + fiscalCode))
        .containsExactlyInAnyOrder(number, other);
    assertThat(numbers("/api/inbox?size=200&requester=" + duplicateSurname)).isEmpty();
  }

  private long requesterOf(String number) {
    return jdbc.queryForObject(
        "select requester_id from sportello.ticket where number = ?", Long.class, number);
  }

  private static ContactDetails detailsOf(Contact contact, String name) {
    return new ContactDetails(
        contact.getKind(),
        name,
        contact.getFiscalCode(),
        contact.getVatNumber(),
        contact.getEmail(),
        contact.getPec(),
        contact.getPhone(),
        contact.getPreferredLanguage(),
        contact.getPreferredChannel());
  }

  private String open(String fiscalCode, String name, String email) {
    Map<String, Object> request = ticketRequest(fiscalCode, "Richiesta di " + name);
    request.put("requester", Map.of("fiscalCode", fiscalCode, "name", name, "email", email));
    var response = post("/api/tickets", "operator1", request);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    return response.getBody().get("number").asText();
  }

  private Map<String, Object> row(String number) {
    List<Map<String, Object>> rows =
        jdbc.queryForList("select * from sportello.inbox_task where business_key = ?", number);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private String open(String subject) {
    var response = post("/api/tickets", "operator1", ticketRequest(fiscalCode(), subject));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return response.getBody().get("number").asText();
  }

  private JsonNode only(String number) {
    JsonNode content = get("/api/inbox?number=" + number, "operator1").getBody().get("items");
    assertThat(content).hasSize(1);
    return content.get(0);
  }

  private List<String> numbers(String path) {
    JsonNode body = get(path, "operator1").getBody();
    return StreamSupport.stream(body.get("items").spliterator(), false)
        .map(row -> row.get("number").asText())
        .toList();
  }
}
