package it.sportello.channel.mail;

import static it.sportello.channel.mail.MailTestSupport.deliver;
import static it.sportello.channel.mail.MailTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.channel.mail.MailPort.FetchedMessage;
import it.sportello.channel.mail.MailPort.MailboxSession;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Poison messages and duplicates, through the embedded GreenMail server: every message leaves a
 * row, none stops the ones behind it, none opens a ticket twice.
 */
class MailIntakeIT extends IntegrationTest {

  @Autowired Mailboxes mailboxes;
  @Autowired MailboxPoller poller;
  @Autowired InboundMail inbound;
  @Autowired EmbeddedMailServer server;
  @Autowired MailPort port;
  @Autowired MailReconciliation reconciliation;
  @Autowired JdbcTemplate jdbc;

  Mailbox ordinary() {
    return mailboxes.find("demo").orElseThrow();
  }

  Mailbox pec() {
    return mailboxes.find("demo-pec").orElseThrow();
  }

  @Test
  void aNulCharacterInAnEncodedSubjectGivesATicketAndTheNextMessageIsTakenInInTheSamePoll()
      throws Exception {
    String poisonId = UUID.randomUUID() + "@example.it";
    String subject = "Pratica\u0000 urgente " + UUID.randomUUID();
    deliverRaw(
        ordinary(),
        """
        From: Marta Neri <marta.neri@example.it>
        To: sportello@comune.example
        Subject: =?utf-8?B?%s?=
        Message-ID: <%s>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=UTF-8
        Content-Transfer-Encoding: quoted-printable

        Testo con un carattere nullo:=00 fine.
        """
            .formatted(
                Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)),
                poisonId));
    String nextId = UUID.randomUUID() + "@example.it";
    deliver(
        server,
        message(
            "piero.galli@example.it",
            ordinary().address(),
            "Orari dell'anagrafe",
            "A che ora apre l'anagrafe?",
            nextId),
        ordinary().address());

    poller.poll(ordinary());

    Map<String, Object> poison = row(poisonId);
    assertThat(poison.get("status")).isEqualTo("PROCESSED");
    assertThat(poison.get("subject")).isEqualTo(subject.replace("\u0000", ""));
    Map<String, Object> ticket = ticket((String) poison.get("ticket_number"));
    assertThat(ticket.get("subject")).isEqualTo(subject.replace("\u0000", ""));
    assertThat((String) ticket.get("description")).contains("nullo: fine.");
    assertThat(row(nextId).get("status"))
        .as("the message behind it, in the same poll")
        .isEqualTo("PROCESSED");
  }

  @Test
  void aLongDisplayNameIsCutAndAnOverlongAddressPutAside() throws Exception {
    String longNameId = UUID.randomUUID() + "@example.it";
    String name = "Giovanni " + "Battista".repeat(30) + "x".repeat(5); // 254 characters
    assertThat(name).hasSize(254);
    deliver(
        server,
        message(
            "\"" + name + "\" <giovanni.battista@example.it>",
            ordinary().address(),
            "Nome lunghissimo",
            "Il mio nome è lungo.",
            longNameId),
        ordinary().address());
    String longAddressId = UUID.randomUUID() + "@example.it";
    String address = "a".repeat(62) + "@" + ("sotto" + "d".repeat(54) + ".").repeat(5) + "it";
    assertThat(address).hasSize(365);
    deliverRaw(
        ordinary(),
        """
        From: <%s>
        To: sportello@comune.example
        Subject: Indirizzo lunghissimo
        Message-ID: <%s>
        Content-Type: text/plain; charset=UTF-8

        Il mio indirizzo è lungo.
        """
            .formatted(address, longAddressId));
    String nextId = deliverNormal();

    poller.poll(ordinary());

    assertThat(row(nextId).get("status"))
        .as("the message behind, same poll")
        .isEqualTo("PROCESSED");

    Map<String, Object> longName = row(longNameId);
    assertThat(longName.get("status")).isEqualTo("PROCESSED");
    String contactName = (String) ticket((String) longName.get("ticket_number")).get("name");
    assertThat(contactName).hasSize(200).startsWith("Giovanni Battista").endsWith("…");

    Map<String, Object> longAddress = row(longAddressId);
    assertThat(longAddress.get("status")).isEqualTo("PROCESSED");
    Map<String, Object> ticket = ticket((String) longAddress.get("ticket_number"));
    assertThat(ticket.get("email")).as("no address fits the contact").isNull();
    assertThat(ticket.get("context").toString()).contains("senderAddressTooLong", "aaaa");
    assertThat((String) longAddress.get("sender")).hasSize(320);
  }

  @Test
  void whenEvenTheQuarantineRefusesTheMessageAMinimalRowAccountsForIt() throws Exception {
    String marker = "VELENO" + UUID.randomUUID().toString().replace("-", "");
    String messageId = UUID.randomUUID() + "@example.it";
    // the database refuses any row carrying the marker: the ticket's, then the quarantine's
    jdbc.execute(
        """
        create or replace function sportello.refuse_marked() returns trigger as $$
        begin
          if new.subject like '%%%s%%' then
            raise exception 'refused for the test';
          end if;
          return new;
        end $$ language plpgsql"""
            .formatted(marker));
    jdbc.execute(
        "create trigger refuse_marked before insert or update on sportello.inbound_message"
            + " for each row execute function sportello.refuse_marked()");
    try {
      deliver(
          server,
          message(
              "elena.russo@example.it",
              ordinary().address(),
              "Richiesta " + marker,
              "Testo",
              messageId),
          ordinary().address());
      String nextId = deliverNormal();

      poller.poll(ordinary());

      assertThat(row(nextId).get("status"))
          .as("the message behind, same poll")
          .isEqualTo("PROCESSED");
    } finally {
      jdbc.execute("drop trigger refuse_marked on sportello.inbound_message");
      jdbc.execute("drop function sportello.refuse_marked()");
    }

    Map<String, Object> row = row(messageId);
    assertThat(row.get("status")).isEqualTo("QUARANTINED");
    assertThat(row.get("raw")).isNull();
    assertThat(row.get("subject")).isNull();
    assertThat(row.get("size")).isNotNull();
    assertThat((String) row.get("reason"))
        .contains("refused for the test")
        .contains("storing it in quarantine failed too");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.ticket where subject like ?",
                Long.class,
                "%" + marker + "%"))
        .isZero();
    assertThat(poller.poll(ordinary())).as("marked as seen").isZero();
  }

  @Test
  void aMessageIsNotTriedMoreThanTheMaximumNumberOfTimes() throws Exception {
    String messageId = UUID.randomUUID() + "@example.it";
    // nothing but the claim can be written: each attempt fails as if the application had crashed
    jdbc.execute(
        """
        create or replace function sportello.refuse_message() returns trigger as $$
        begin
          if new.message_key = '%s' and new.status <> 'RECEIVING' then
            raise exception 'database gone for the test';
          end if;
          return new;
        end $$ language plpgsql"""
            .formatted(messageId));
    jdbc.execute(
        "create trigger refuse_message before insert or update on sportello.inbound_message"
            + " for each row execute function sportello.refuse_message()");
    try {
      deliver(
          server,
          message(
              "franco.bianchi@example.it",
              ordinary().address(),
              "Messaggio che non passa",
              "Testo",
              messageId),
          ordinary().address());
      for (int attempt = 1; attempt <= 3; attempt++) {
        catchThrowable(() -> poller.poll(ordinary()));
        assertThat(row(messageId))
            .containsEntry("status", "RECEIVING")
            .containsEntry("attempts", attempt);
      }
    } finally {
      jdbc.execute("drop trigger refuse_message on sportello.inbound_message");
      jdbc.execute("drop function sportello.refuse_message()");
    }

    poller.poll(ordinary());

    Map<String, Object> row = row(messageId);
    assertThat(row.get("status")).isEqualTo("QUARANTINED");
    assertThat((String) row.get("reason")).startsWith("Given up after 3 attempts");
    assertThat(row.get("ticket_number")).as("not read again").isNull();
    assertThat(row.get("attempts")).isEqualTo(3);
    assertThat(poller.poll(ordinary())).as("marked as seen").isZero();
  }

  @Test
  void anIdenticalRedeliveryIsRecordedAsDuplicateAndOpensNoTicket() throws Exception {
    String messageId = UUID.randomUUID() + "@example.it";
    MimeMessage request =
        message(
            "luisa.moretti@example.it",
            ordinary().address(),
            "Certificato di nascita",
            "Mi serve un certificato di nascita.",
            messageId);
    deliver(server, request, ordinary().address());
    poller.poll(ordinary());
    // the same message again, through another relay
    request.addHeader("Received", "from relay2.example.net by mx.comune.example; 17 Mar 2026");
    deliver(server, request, ordinary().address());
    poller.poll(ordinary());

    Map<String, Object> first = row(messageId);
    assertThat(first.get("status")).isEqualTo("PROCESSED");
    List<Map<String, Object>> duplicates = duplicatesOf(first.get("id"));
    assertThat(duplicates)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.get("message_id")).isEqualTo(messageId);
              assertThat((String) d.get("reason")).contains("delivered again: nothing done");
            });
    assertThat(ticketsWithKey(messageId)).isEqualTo(1);

    ResponseEntity<JsonNode> listed =
        get("/api/mail/quarantine?status=DUPLICATE&limit=500", "supervisor");
    assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(listed.getBody().findValues("id").stream().map(JsonNode::asLong))
        .contains(((Number) duplicates.get(0).get("id")).longValue());
    JsonNode item = null;
    for (JsonNode node : listed.getBody()) {
      if (node.get("id").asLong() == ((Number) duplicates.get(0).get("id")).longValue()) {
        item = node;
      }
    }
    assertThat(item.get("status").asText()).isEqualTo("DUPLICATE");
    assertThat(item.get("duplicateOf").asLong()).isEqualTo(((Number) first.get("id")).longValue());
    assertThat(get("/api/mail/quarantine", "supervisor").getBody().findValuesAsText("status"))
        .as("the default list is the quarantine only")
        .doesNotContain("DUPLICATE");
  }

  @Test
  void aMessageIdSeenBeforeWithADifferentContentOpensANewTicketAndIsRecordedAsDuplicate()
      throws Exception {
    String messageId = UUID.randomUUID() + "@example.it";
    deliver(
        server,
        message(
            "carlo.fontana@example.it",
            ordinary().address(),
            "Passo carrabile",
            "Come si chiede un passo carrabile?",
            messageId),
        ordinary().address());
    poller.poll(ordinary());
    deliver(
        server,
        message(
            "carlo.fontana@example.it",
            ordinary().address(),
            "Occupazione di suolo pubblico",
            "Un'altra domanda, con lo stesso Message-ID.",
            messageId),
        ordinary().address());
    poller.poll(ordinary());

    Map<String, Object> first = row(messageId);
    List<Map<String, Object>> variants =
        jdbc.queryForList(
            "select * from sportello.inbound_message where message_key like ? and status = 'PROCESSED'",
            messageId + "#%");
    assertThat(variants).hasSize(1);
    Map<String, Object> variant = variants.get(0);
    assertThat(variant.get("ticket_number")).isNotNull().isNotEqualTo(first.get("ticket_number"));
    assertThat(ticket((String) variant.get("ticket_number")).get("subject"))
        .isEqualTo("Occupazione di suolo pubblico");
    assertThat(duplicatesOf(first.get("id")))
        .singleElement()
        .satisfies(
            d ->
                assertThat((String) d.get("reason"))
                    .contains("different content")
                    .contains((String) variant.get("message_key")));
  }

  @Test
  void aMessageWithoutMessageIdDeliveredTwiceOpensOneTicket() throws Exception {
    String subject = "Senza identificativo " + UUID.randomUUID();
    String raw =
        """
        From: Rita Esposito <rita.esposito@example.it>
        To: sportello@comune.example
        Subject: %s
        Date: Mon, 16 Mar 2026 10:15:00 +0100
        Content-Type: text/plain; charset=UTF-8

        Un messaggio senza Message-ID.
        """
            .formatted(subject);
    deliverRaw(ordinary(), "Received: from mx1.example.it by mx; Mon, 16 Mar 2026\n" + raw);
    poller.poll(ordinary());
    deliverRaw(ordinary(), "Received: from mx2.example.it by mx; Tue, 17 Mar 2026\n" + raw);
    poller.poll(ordinary());

    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.ticket where subject = ?", Long.class, subject))
        .isEqualTo(1);
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select * from sportello.inbound_message where subject = ? or duplicate_of in"
                + " (select id from sportello.inbound_message where subject = ?) order by id",
            subject,
            subject);
    assertThat(rows).extracting(r -> r.get("status")).containsExactly("PROCESSED", "DUPLICATE");
    assertThat((String) rows.get(0).get("message_key")).startsWith("sha256:");
  }

  @Test
  void aPecEnvelopeWithTheMessageIdOfAReceiptIsTakenIn() throws Exception {
    String shared = "opec" + UUID.randomUUID() + "@pec.gestore-comune.it";
    String receipt =
        resource("/mail/pec/accettazione.eml")
            .replace("opec9001.20260317090002.777.1.1@pec.gestore-comune.it", shared)
            .replace("RS-2026-000042.answer.1", "RS-2026-000042.other." + UUID.randomUUID());
    String envelope =
        resource("/mail/pec/posta-certificata.eml")
            .replace("opec21010.20260316101532.12345.123.1.1@pec.gestore-esempio.it", shared)
            .replace("A1B2C3D4.5678@pec.esempio.it", UUID.randomUUID() + "@pec.esempio.it");
    deliverRaw(pec(), receipt);
    poller.poll(pec());
    deliverRaw(pec(), envelope);
    poller.poll(pec());

    Map<String, Object> first = row(shared);
    assertThat(first.get("status")).isEqualTo("IGNORED");
    List<Map<String, Object>> taken =
        jdbc.queryForList(
            "select * from sportello.inbound_message where message_key like ?", shared + "#%");
    assertThat(taken)
        .filteredOn(r -> "PROCESSED".equals(r.get("status")))
        .singleElement()
        .satisfies(
            r ->
                assertThat(ticket((String) r.get("ticket_number")))
                    .containsEntry("channel", "PEC")
                    .containsEntry("subject", "Istanza di rimborso TARI 2025"));
    assertThat(duplicatesOf(first.get("id"))).hasSize(1);
  }

  @Test
  void aMessageQuarantinedFirstIsTakenInWhenAReadableVariantArrives() throws Exception {
    String messageId = UUID.randomUUID() + "@example.it";
    // no sender anywhere: nothing to open a ticket for (given to the intake directly, as a
    // server that adds no Return-Path would)
    inbound.receive(
        ordinary(),
        """
        To: sportello@comune.example
        Subject: Senza mittente
        Message-ID: <%s>
        Content-Type: text/plain; charset=UTF-8

        Chi scrive?
        """
            .formatted(messageId)
            .replace("\n", "\r\n")
            .getBytes(StandardCharsets.UTF_8));
    assertThat(row(messageId).get("status")).isEqualTo("QUARANTINED");

    deliver(
        server,
        message(
            "bruno.greco@example.it",
            ordinary().address(),
            "Senza mittente",
            "Chi scrive? Io.",
            messageId),
        ordinary().address());
    poller.poll(ordinary());

    assertThat(
            jdbc.queryForList(
                "select status, ticket_number from sportello.inbound_message"
                    + " where message_key like ? and status <> 'DUPLICATE'",
                messageId + "#%"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get("status")).isEqualTo("PROCESSED");
              assertThat(r.get("ticket_number")).isNotNull();
            });
    assertThat(duplicatesOf(row(messageId).get("id"))).hasSize(1);
  }

  @Test
  void theReconciliationReportsAMessageOnTheServerThatWasNotTakenIn() throws Exception {
    String takenId = UUID.randomUUID() + "@example.it";
    deliver(
        server,
        message("ada.lombardi@example.it", ordinary().address(), "Presa", "Testo", takenId),
        ordinary().address());
    poller.poll(ordinary());
    String withoutId = "Senza identificativo " + UUID.randomUUID();
    deliverRaw(
        ordinary(),
        """
        From: ada.lombardi@example.it
        To: sportello@comune.example
        Subject: %s

        Testo.
        """
            .formatted(withoutId));
    poller.poll(ordinary());
    // someone reads a message in a mail client before the poller sees it
    String readId = UUID.randomUUID() + "@example.it";
    deliver(
        server,
        message("ada.lombardi@example.it", ordinary().address(), "Letta da altri", "Testo", readId),
        ordinary().address());
    try (MailboxSession session = port.open(ordinary())) {
      for (FetchedMessage fetched : session.unseen(500)) {
        if (new String(fetched.raw(), StandardCharsets.ISO_8859_1).contains(readId)) {
          session.markSeen(fetched);
        }
      }
    }

    MailReconciliation.Report report = reconciliation.reconcile(ordinary(), Duration.ZERO);

    assertThat(report.error()).isNull();
    assertThat(report.held()).isGreaterThanOrEqualTo(3);
    assertThat(report.missing())
        .extracting(MailReconciliation.Missing::messageId)
        .contains(readId)
        .doesNotContain(takenId);
    assertThat(report.missing())
        .extracting(MailReconciliation.Missing::subject)
        .doesNotContain(withoutId);
    assertThat(report.missing())
        .filteredOn(m -> readId.equals(m.messageId()))
        .singleElement()
        .satisfies(m -> assertThat(m.seen()).isTrue());

    ResponseEntity<JsonNode> latest = get("/api/mail/reconciliation", "supervisor");
    assertThat(latest.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode demo = null;
    for (JsonNode node : latest.getBody()) {
      if ("demo".equals(node.get("mailboxId").asText())) {
        demo = node;
      }
    }
    assertThat(demo.get("missing").findValuesAsText("messageId")).contains(readId);
    assertThat(get("/api/mail/reconciliation", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  /** A plain request; its Message-ID. */
  private String deliverNormal() throws MessagingException {
    String messageId = UUID.randomUUID() + "@example.it";
    deliver(
        server,
        message(
            "piero.galli@example.it",
            ordinary().address(),
            "Orari dell'anagrafe",
            "A che ora apre l'anagrafe?",
            messageId),
        ordinary().address());
    return messageId;
  }

  private void deliverRaw(Mailbox mailbox, String raw) throws MessagingException {
    MimeMessage message =
        new MimeMessage(
            MailTestSupport.session(),
            new ByteArrayInputStream(
                raw.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    deliver(server, message, mailbox.address());
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = MailIntakeIT.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Map<String, Object> row(String messageKey) {
    return jdbc.queryForMap(
        "select * from sportello.inbound_message where message_key = ?", messageKey);
  }

  private List<Map<String, Object>> duplicatesOf(Object id) {
    return jdbc.queryForList(
        "select * from sportello.inbound_message where duplicate_of = ? and status = 'DUPLICATE'",
        ((Number) id).longValue());
  }

  private long ticketsWithKey(String key) {
    return jdbc.queryForObject(
        "select count(*) from sportello.ticket where idempotency_key = ?", Long.class, key);
  }

  private Map<String, Object> ticket(String number) {
    return jdbc.queryForMap(
        """
        select t.id, t.subject, t.description, t.channel, t.context::text as context, c.email,
            c.name
        from sportello.ticket t join sportello.contact c on c.id = t.requester_id
        where t.number = ?""",
        number);
  }
}
