package it.sportello.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.shared.RetentionTask;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention: a closed ticket past its period loses its personal data (its messages, mails and
 * documents too), an open one and one in the protocol register are kept, the dry run changes
 * nothing, batches are bounded, each run's counts are in the audit.
 */
class RetentionIT extends IntegrationTest {

  private static final Duration TEN_YEARS_AND_A_DAY = Duration.ofDays(3651);

  @Autowired RetentionJob job;
  @Autowired JdbcTemplate jdbc;

  @Autowired
  @Qualifier("closedTicketsRetention")
  RetentionTask closedTickets;

  @Test
  void aClosedTicketPastItsPeriodIsAnonymisedWithItsMessagesAndDocumentsAnOpenOneIsKept() {
    String old = openTicket("Rimborso TARI 2014");
    String open = openTicket("Richiesta ancora aperta");
    String registered = openTicket("Pratica protocollata");
    close(old, TEN_YEARS_AND_A_DAY);
    close(registered, TEN_YEARS_AND_A_DAY);
    backdateReceived(open, TEN_YEARS_AND_A_DAY.plusDays(10));
    long document = attachDocument(old);
    long mail = mailOf(old);
    registerLetter(registered);

    // the dry run counts it and changes nothing
    JsonNode report = get("/api/retention", "dpo").getBody();
    JsonNode kind = kind(report, "closed-tickets");
    assertThat(kind.get("action").asText()).isEqualTo("ANONYMISE");
    assertThat(kind.get("count").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(kind.get("oldest").isNull()).isFalse();
    assertThat(kept(report, "open-tickets")).isGreaterThanOrEqualTo(1);
    assertThat(kept(report, "tickets-in-protocol-register")).isGreaterThanOrEqualTo(1);
    assertThat(subject(old)).isEqualTo("Rimborso TARI 2014");
    assertThat(documentExists(document)).isTrue();

    long auditBefore = retentionAuditRows();
    JsonNode outcome = post("/api/retention/run", "admin", null).getBody();
    assertThat(outcome.get("ran").asBoolean()).isTrue();

    assertThat(subject(old)).isEqualTo("[anonimizzato]");
    assertThat(
            jdbc.queryForObject(
                "select description from sportello.ticket where number = ?", String.class, old))
        .isEmpty();
    assertThat(
            jdbc.queryForList(
                "select summary from sportello.interaction where ticket_number = ?",
                String.class,
                old))
        .isNotEmpty()
        .allMatch("[anonimizzato]"::equals);
    assertThat(documentExists(document)).isFalse();
    assertThat(
            jdbc.queryForMap(
                "select raw, sender, subject from sportello.inbound_message where id = ?", mail))
        .containsEntry("raw", null)
        .containsEntry("sender", null)
        .containsEntry("subject", null);
    assertThat(subject(open)).isEqualTo("Richiesta ancora aperta");
    assertThat(subject(registered)).isEqualTo("Pratica protocollata");

    // one audit row per kind, with the count
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select resource_type, resource_id, reason from sportello.audit_event"
                + " where action = 'RETENTION' order by seq desc limit 20");
    assertThat(retentionAuditRows() - auditBefore).isEqualTo(outcome.get("kinds").size());
    assertThat(rows)
        .anySatisfy(
            row -> {
              assertThat(row.get("resource_type")).isEqualTo("retention:closed-tickets");
              assertThat(Long.parseLong((String) row.get("resource_id"))).isGreaterThanOrEqualTo(1);
            });
  }

  @Test
  void aBatchRemovesAtMostItsSizeAndTheNextOneResumes() {
    String first = openTicket("Primo da anonimizzare");
    String second = openTicket("Secondo da anonimizzare");
    close(first, TEN_YEARS_AND_A_DAY);
    close(second, TEN_YEARS_AND_A_DAY);
    Instant cutoff = clock.instant().minus(Duration.ofDays(3650));

    assertThat(closedTickets.purgeBatch(cutoff, 1)).isEqualTo(1);
    long anonymised = anonymisedAmong(first, second);
    assertThat(anonymised).isBetween(0L, 1L);

    while (closedTickets.purgeBatch(cutoff, 1) == 1) {
      // drains what earlier tests left too
    }
    assertThat(anonymisedAmong(first, second)).isEqualTo(2);
  }

  @Test
  void theReportIsForTheDataProtectionOfficerAndAdministratorsTheRunForAdministrators() {
    assertThat(get("/api/retention", "admin").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("/api/retention", "operator1").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("/api/retention/run", "dpo", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    JsonNode report = get("/api/retention", "dpo").getBody();
    assertThat(kind(report, "recordings").get("periodDays").asLong()).isEqualTo(180);
    assertThat(kind(report, "audit").get("action").asText()).isEqualTo("KEEP");
    assertThat(kind(report, "engine-history").get("action").asText()).isEqualTo("ENGINE");
  }

  private String openTicket(String subject) {
    var response = post("/api/tickets", "operator1", ticketRequest(fiscalCode(), subject));
    assertThat(response.getStatusCode().is2xxSuccessful()).isTrue();
    return response.getBody().get("number").asText();
  }

  private void close(String number, Duration ago) {
    Timestamp at = Timestamp.from(clock.instant().minus(ago));
    jdbc.update(
        "update sportello.ticket set status = 'CLOSED', closed_at = ?, received_at = ?"
            + " where number = ?",
        at,
        at,
        number);
  }

  private void backdateReceived(String number, Duration ago) {
    jdbc.update(
        "update sportello.ticket set received_at = ? where number = ?",
        Timestamp.from(clock.instant().minus(ago)),
        number);
  }

  private long attachDocument(String number) {
    Long document =
        jdbc.queryForObject(
            """
            insert into sportello.document (sha256, size_bytes, media_type, extraction_status,
                                             extracted_text, created_at)
            values (md5(random()::text) || md5(random()::text), 5, 'text/plain', 'DONE',
                    'Maria Bianchi', now())
            returning id
            """,
            Long.class);
    jdbc.update(
        "insert into sportello.document_content (document_id, bytes) values (?, ?)",
        document,
        "hello".getBytes());
    jdbc.update(
        """
        insert into sportello.document_link (document_id, owner_kind, owner_id, linked_at)
        select ?, 'TICKET', id, now() from sportello.ticket where number = ?
        """,
        document,
        number);
    return document;
  }

  private long mailOf(String number) {
    return jdbc.queryForObject(
        """
        insert into sportello.inbound_message (mailbox_id, message_key, status, sender, subject,
                                               ticket_number, raw, received_at, processed_at)
        values ('protocollo', md5(random()::text), 'ATTACHED', 'maria@example.it', 'Re: TARI', ?,
                'From: maria@example.it'::bytea, now(), now())
        returning id
        """,
        Long.class,
        number);
  }

  private void registerLetter(String number) {
    jdbc.update(
        """
        insert into sportello.letter (protocol_number, direction, status, subject,
                                      correspondent_id, office, send_by, ticket_number,
                                      registered_by, registered_at)
        select 'PROT-T-' || substr(md5(random()::text), 1, 10), 'INCOMING', 'REGISTERED',
               'Lettera', requester_id, 'tributi', 'EMAIL', number, 'secretariat1', now()
        from sportello.ticket where number = ?
        """,
        number);
  }

  private String subject(String number) {
    return jdbc.queryForObject(
        "select subject from sportello.ticket where number = ?", String.class, number);
  }

  private boolean documentExists(long id) {
    return jdbc.queryForObject(
            "select count(*) from sportello.document where id = ?", Integer.class, id)
        == 1;
  }

  private long anonymisedAmong(String first, String second) {
    return jdbc.queryForObject(
        "select count(*) from sportello.ticket where number in (?, ?) and anonymised_at is not null",
        Long.class,
        first,
        second);
  }

  private long retentionAuditRows() {
    return jdbc.queryForObject(
        "select count(*) from sportello.audit_event where action = 'RETENTION'", Long.class);
  }

  private static JsonNode kind(JsonNode report, String kind) {
    for (JsonNode node : report.get("kinds")) {
      if (node.get("kind").asText().equals(kind)) {
        return node;
      }
    }
    throw new AssertionError("no kind " + kind + " in " + report);
  }

  private static long kept(JsonNode report, String what) {
    for (JsonNode node : report.get("kept")) {
      if (node.get("what").asText().equals(what)) {
        return node.get("count").asLong();
      }
    }
    throw new AssertionError("nothing kept as " + what + " in " + report);
  }
}
