package it.sportello.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A ticket's conversation ({@code GET /api/tickets/{number}/conversation}): the request, the
 * requester's message, a call, an internal note with its file and our reply, with the path's steps,
 * in time order and in structured fields; the note is never sent.
 */
class TicketConversationIT extends IntegrationTest {

  /** What must never reach a reader: key=value texts, ISO instants, content hashes. */
  private static final Pattern RAW =
      Pattern.compile("\\b[a-zA-Z]+=\\S|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}|sha256:");

  @Autowired JdbcTemplate jdbc;

  @Test
  void theConversationTellsEveryKindInOrderAndTheNoteIsNotSent() {
    String number = open("Passo carrabile in via Roma");
    assertThat(
            post(
                    "/api/tickets/" + number + "/messages",
                    "api-client",
                    Map.of("text", "Allego anche la planimetria.", "channel", "WEB"))
                .getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    // a call linked to the ticket, as the phone channel records it
    jdbc.update(
        """
        insert into sportello.interaction
          (contact_id, ticket_id, ticket_number, channel, direction, kind, summary, occurred_at,
           recorded_by)
        select requester_id, id, number, 'PHONE', 'INBOUND', 'CALL',
               'Chiamata collegata alla richiesta ' || number, now(), 'operator1'
        from sportello.ticket where number = ?""",
        number);
    // the acknowledgement a mailbox sends (here written as the mail channel writes it)
    jdbc.update(
        """
        insert into sportello.notification_outbox
          (dedup_key, ticket_id, recipient_kind, recipient, channel, template, language, status,
           created_at, sent_at)
        select number || ':TICKET_RECEIVED', id, 'REQUESTER', 'maria.bianchi@example.it', 'EMAIL',
               'TICKET_RECEIVED', 'it', 'SENT', now(), now()
        from sportello.ticket where number = ?""",
        number);
    long file = upload(number, "sopralluogo.txt", "Verbale del sopralluogo".getBytes());
    int notificationsBefore = notifications(number);

    ResponseEntity<JsonNode> note =
        post(
            "/api/tickets/" + number + "/notes",
            "operator1",
            Map.of(
                "text",
                "**Verificare** con l'ufficio tecnico prima di rispondere.",
                "documentIds",
                List.of(file)));
    assertThat(note.getStatusCode()).as("%s", note.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(note.getBody().path("kind").asText()).isEqualTo("NOTE");
    assertThat(note.getBody().path("attachments").findValuesAsText("fileName"))
        .containsExactly("sopralluogo.txt");
    assertThat(notifications(number)).as("a note sends nothing").isEqualTo(notificationsBefore);
    assertThat(
            post(
                    "/api/tickets/" + number + "/replies",
                    "operator1",
                    Map.of("text", "Servono la planimetria e il modulo A12."))
                .getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);

    JsonNode conversation = get("/api/tickets/" + number + "/conversation", "operator1").getBody();
    List<String> kinds = conversation.findValuesAsText("kind");
    assertThat(kinds.get(0)).isEqualTo("REQUEST");
    assertThat(kinds)
        .containsSubsequence("REQUEST", "MESSAGE", "CALL", "NOTE", "REPLY")
        .contains("EVENT", "NOTIFICATION");
    JsonNode request = conversation.get(0);
    assertThat(request.path("subject").asText()).isEqualTo("Passo carrabile in via Roma");
    assertThat(request.path("channel").asText()).isEqualTo("WEB");
    JsonNode classified = byEvent(conversation, "CLASSIFIED");
    assertThat(classified.path("queue").asText()).isNotBlank();
    assertThat(classified.path("priority").asInt()).isPositive();
    assertThat(classified.path("slaPolicy").asText()).isNotBlank();
    assertThat(classified.path("text").asText("")).as("no queue=… priority=… text").isEmpty();
    JsonNode written = byKind(conversation, "NOTE");
    assertThat(written.path("actor").asText()).isEqualTo("operator1");
    assertThat(written.path("attachments").findValuesAsText("fileName"))
        .containsExactly("sopralluogo.txt");
    JsonNode reply = byKind(conversation, "REPLY");
    assertThat(reply.path("text").asText()).isEqualTo("Servono la planimetria e il modulo A12.");
    assertThat(reply.path("delivery").path("state").asText()).isIn("PENDING", "SENT");
    assertThat(reply.path("delivery").path("channel").asText()).isEqualTo("EMAIL");
    JsonNode acknowledgement = byKind(conversation, "NOTIFICATION");
    assertThat(acknowledgement.path("template").asText()).isEqualTo("TICKET_RECEIVED");
    assertThat(acknowledgement.path("delivery").path("state").asText()).isEqualTo("SENT");
    assertThat(acknowledgement.toString())
        .as("no address in the conversation")
        .doesNotContain("maria.bianchi");
    assertThat(byKind(conversation, "MESSAGE").path("text").asText())
        .isEqualTo("Allego anche la planimetria.");
    assertThat(byKind(conversation, "CALL").path("text").asText("").isEmpty())
        .as("the system's own wording of a call is not shown")
        .isTrue();
    // the file went with the note: not a loose attachment of its own
    assertThat(kinds).doesNotContain("ATTACHMENT");
    // in time order
    List<String> times = conversation.findValuesAsText("at");
    assertThat(times).allMatch(at -> at.matches(".*[+-]\\d{2}:\\d{2}"));
    List<java.time.OffsetDateTime> instants = new ArrayList<>();
    times.forEach(at -> instants.add(java.time.OffsetDateTime.parse(at)));
    assertThat(instants).isSortedAccordingTo(java.time.OffsetDateTime::compareTo);
    // the texts are what people wrote: no raw keys, instants or hashes
    for (JsonNode entry : conversation) {
      for (String field : List.of("text", "subject")) {
        String value = entry.path(field).asText("");
        assertThat(RAW.matcher(value).find()).as("%s of %s: %s", field, entry, value).isFalse();
      }
    }
    // the note's text went nowhere near the requester
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.notification_outbox where payload::text like ?",
                Long.class,
                "%ufficio tecnico%"))
        .isZero();
  }

  @Test
  void unknownHiddenAndForbiddenTicketsAreRefusedClearly() {
    String number = open("Richiesta riservata");
    assertThat(get("/api/tickets/RS-1999-999999/conversation", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    // an office reads only the tickets assigned to it: the others do not exist for it
    assertThat(get("/api/tickets/" + number + "/conversation", "office1").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("/api/tickets/" + number + "/conversation", "auditor").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post("/api/tickets/" + number + "/notes", "auditor", Map.of("text", "nota"))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post("/api/tickets/" + number + "/notes", "api-client", Map.of("text", "nota"))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> blank =
        post("/api/tickets/" + number + "/notes", "operator1", Map.of("text", " "));
    assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(blank.getBody().path("errors").findValuesAsText("field")).contains("text");
    ResponseEntity<JsonNode> foreign =
        post(
            "/api/tickets/" + number + "/notes",
            "operator1",
            Map.of("text", "nota", "documentIds", List.of(Long.MAX_VALUE)));
    assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(foreign.getBody().path("errors").findValuesAsText("field")).contains("documentIds");
  }

  @Test
  void staffNotesStayWithStaffNotWithTheSystemThatOpenedTheTicket() {
    String number = open("Richiesta con nota interna");
    assertThat(
            post("/api/tickets/" + number + "/notes", "operator1", Map.of("text", "Nota riservata"))
                .getStatusCode()
                .is2xxSuccessful())
        .isTrue();

    // the external system reads its ticket, but neither the conversation nor the note in the path
    assertThat(get("/api/tickets/" + number + "/conversation", "api-client").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> ticket = get("/api/tickets/" + number, "api-client");
    assertThat(ticket.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ticket.getBody().path("history").findValuesAsText("kind"))
        .isNotEmpty()
        .doesNotContain("NOTE_ADDED");
    assertThat(ticket.getBody().toString()).doesNotContain("Nota riservata");
    // staff read it in the conversation
    assertThat(get("/api/tickets/" + number + "/conversation", "operator1").getBody().toString())
        .contains("Nota riservata");
  }

  private String open(String subject) {
    ResponseEntity<JsonNode> response =
        post("/api/tickets", "api-client", ticketRequest(fiscalCode(), subject));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return response.getBody().path("number").asText();
  }

  private int notifications(String number) {
    return jdbc.queryForObject(
        "select count(*) from sportello.notification_outbox n join sportello.ticket t"
            + " on t.id = n.ticket_id where t.number = ?",
        Integer.class,
        number);
  }

  private static JsonNode byKind(JsonNode conversation, String kind) {
    for (JsonNode entry : conversation) {
      if (kind.equals(entry.path("kind").asText())) {
        return entry;
      }
    }
    throw new AssertionError("no " + kind + " in " + conversation);
  }

  private static JsonNode byEvent(JsonNode conversation, String event) {
    for (JsonNode entry : conversation) {
      if (event.equals(entry.path("event").asText())) {
        return entry;
      }
    }
    throw new AssertionError("no " + event + " in " + conversation);
  }

  private long upload(String number, String fileName, byte[] bytes) {
    return uploadToTicket(number, "operator1", fileName, bytes).path("id").asLong();
  }
}
