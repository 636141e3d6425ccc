package it.sportello.channel.mail;

import static it.sportello.channel.mail.MailTestSupport.deliver;
import static it.sportello.channel.mail.MailTestSupport.message;
import static it.sportello.channel.mail.MailTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.channel.mail.InboundMail.Result;
import it.sportello.document.Documents;
import it.sportello.document.OwnerKind;
import it.sportello.document.StoredDocument;
import it.sportello.document.TestFiles;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mail to tickets, through the demo's embedded GreenMail server as a real SMTP and IMAP server:
 * each test sends over SMTP and polls the mailbox over IMAP.
 */
class MailInboundIT extends IntegrationTest {

  @Autowired Mailboxes mailboxes;
  @Autowired MailboxPoller poller;
  @Autowired EmbeddedMailServer server;
  @Autowired Documents documents;
  @Autowired InboundMail inbound;
  @Autowired MailProperties properties;
  @Autowired MailPort port;
  @Autowired OutboundMailTable outbox;
  @Autowired JdbcTemplate jdbc;

  Mailbox ordinary() {
    return mailboxes.find("demo").orElseThrow();
  }

  Mailbox pec() {
    return mailboxes.find("demo-pec").orElseThrow();
  }

  @Test
  void aMailWithAnAttachmentOpensATicketAndAReplyWithItsNumberLandsOnIt() throws Exception {
    String marker = "Protocollo " + UUID.randomUUID();
    String sender = "giulia." + UUID.randomUUID().toString().substring(0, 8) + "@example.it";
    String messageId = UUID.randomUUID() + "@example.it";
    MimeMessage request =
        MailTestSupport.withAttachment(
            "Giulia Romano <" + sender + ">",
            ordinary().address(),
            "Rimborso TARI 2025",
            "Buongiorno, allego l'istanza di rimborso.",
            messageId,
            "istanza.pdf",
            TestFiles.pdf("Istanza di rimborso TARI", marker),
            "application/pdf");
    deliver(server, request, ordinary().address());

    assertThat(poller.poll(ordinary())).isGreaterThanOrEqualTo(1);

    Map<String, Object> row = inboundRow(messageId);
    assertThat(row.get("status")).isEqualTo("PROCESSED");
    String number = (String) row.get("ticket_number");
    Map<String, Object> ticket = ticket(number);
    assertThat(ticket)
        .containsEntry("channel", "EMAIL")
        .containsEntry("subject", "Rimborso TARI 2025")
        .containsEntry("language", "it")
        .containsEntry("email", sender)
        .containsEntry("name", "Giulia Romano")
        .containsEntry("created_by", "mail:demo");
    assertThat((String) ticket.get("description")).contains("allego l'istanza");
    long ticketId = ((Number) ticket.get("id")).longValue();
    List<StoredDocument> attached = documents.linkedTo(OwnerKind.TICKET, ticketId);
    assertThat(attached)
        .singleElement()
        .satisfies(d -> assertThat(d.fileName()).isEqualTo("istanza.pdf"));
    assertThat(documents.text(attached.get(0).id())).contains(marker);
    long interactionId = ((Number) row.get("interaction_id")).longValue();
    assertThat(documents.linkedTo(OwnerKind.INTERACTION, interactionId))
        .extracting(StoredDocument::id)
        .containsExactly(attached.get(0).id());
    // seen on the server: the next poll does not see it again
    assertThat(poller.poll(ordinary())).isZero();

    String replyId = UUID.randomUUID() + "@example.it";
    deliver(
        server,
        message(
            sender,
            ordinary().address(),
            "Re: [" + number + "] Rimborso TARI 2025",
            "Ecco anche il numero della bolletta: 4242.",
            replyId),
        ordinary().address());
    poller.poll(ordinary());

    assertThat(inboundRow(replyId))
        .containsEntry("status", "PROCESSED")
        .containsEntry("ticket_number", number);
    assertThat(
            jdbc.queryForList(
                "select kind, summary from sportello.interaction where ticket_number = ? order by id",
                number))
        .extracting(r -> r.get("kind"))
        .containsExactly("REQUEST", "MESSAGE");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.ticket_event where ticket_id = ? and kind = 'REQUESTER_MESSAGE'",
                Long.class,
                ticketId))
        .isEqualTo(1);
  }

  @Test
  void theSameMessageDeliveredTwiceOpensOneTicket() throws Exception {
    String messageId = UUID.randomUUID() + "@example.it";
    MimeMessage request =
        message(
            "luca.ferri@example.it",
            ordinary().address(),
            "Cambio di residenza",
            "Vorrei sapere come cambiare residenza.",
            messageId);
    deliver(server, request, ordinary().address());
    deliver(server, request, ordinary().address());

    poller.poll(ordinary());

    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.ticket where idempotency_key = ?",
                Long.class,
                messageId))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.inbound_message where message_key = ?",
                Long.class,
                messageId))
        .isEqualTo(1);
  }

  @Test
  void autoRepliesBouncesAndOurOwnMailOpenNoTicket() throws Exception {
    long ticketsBefore = tickets();
    MimeMessage autoReply = resource("/mail/corpus/auto-reply.eml");
    MimeMessage bounce = resource("/mail/corpus/bounce.eml");
    MimeMessage ours =
        message(
            ordinary().address(),
            ordinary().address(),
            "Eco",
            "Un messaggio che torna indietro",
            UUID.randomUUID() + "@comune.example");
    deliver(server, autoReply, ordinary().address());
    deliver(server, bounce, ordinary().address());
    deliver(server, ours, ordinary().address());

    poller.poll(ordinary());

    assertThat(inboundRow("ooo.1@example.it"))
        .containsEntry("status", "IGNORED")
        .containsEntry("reason", "automatic message (Auto-Submitted: auto-replied)");
    assertThat(inboundRow("bounce.1@mx.example.it"))
        .containsEntry("status", "IGNORED")
        .containsEntry("reason", "delivery or read report (multipart/report)");
    assertThat(inboundRow(MailClassifier.messageId(ours)).get("reason"))
        .isEqualTo("from our own mailbox sportello@comune.example (loop)");
    assertThat(tickets()).isEqualTo(ticketsBefore);
  }

  @Test
  void anUnreadableMessageIsQuarantinedListedAndCanBeRetried() throws Exception {
    // only a message with no usable sender at all is quarantined (taken in directly: SMTP would
    // give it a Return-Path, a usable sender)
    try (var in = MailInboundIT.class.getResourceAsStream("/mail/corpus/no-sender.eml")) {
      inbound.receive(ordinary(), in.readAllBytes());
    }

    Map<String, Object> row = inboundRow("garbage.1@example.it");
    assertThat(row.get("status")).isEqualTo("QUARANTINED");
    assertThat((String) row.get("reason")).contains("no usable sender");
    long id = ((Number) row.get("id")).longValue();

    ResponseEntity<JsonNode> list = get("/api/mail/quarantine", "supervisor");
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode listed = null;
    for (JsonNode item : list.getBody()) {
      if (item.get("id").asLong() == id) {
        listed = item;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.get("subject").asText()).isEqualTo("Messaggio rovinato");
    assertThat(listed.path("sender").isNull() || listed.path("sender").isMissingNode()).isTrue();
    assertThat(listed.get("reason").asText()).contains("no usable sender");
    assertThat(listed.get("size").asLong()).isPositive();
    assertThat(get("/api/mail/quarantine", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<JsonNode> retry =
        post("/api/mail/quarantine/" + id + "/retry", "supervisor", null);
    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(retry.getBody().get("status").asText()).isEqualTo("QUARANTINED");
    assertThat(inboundRow("garbage.1@example.it")).containsEntry("attempts", 2);

    ResponseEntity<JsonNode> missing =
        post("/api/mail/quarantine/999999999/retry", "supervisor", null);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getHeaders().getContentType().toString())
        .isEqualTo("application/problem+json");
  }

  @Test
  void aMessageSpooledToAFileIsTakenInWithoutReadingItWholeIntoMemory() throws Exception {
    String messageId = UUID.randomUUID() + "@example.it";
    String sender = "anna." + UUID.randomUUID().toString().substring(0, 8) + "@example.it";
    String text =
        "Buongiorno, chiedo il rinnovo del contrassegno.\n" + "riga di testo\n".repeat(50_000);
    Path spooled = Files.createTempFile("spooled", ".eml");
    try (var out = Files.newOutputStream(spooled)) {
      message(sender, ordinary().address(), "Contrassegno disabili", text, messageId).writeTo(out);
    }
    long size = Files.size(spooled);
    Result taken;
    try (RawMessage raw = new OnlyStreamed(spooled)) {
      taken = inbound.receive(ordinary(), raw);
    }

    assertThat(taken.status()).isEqualTo(InboundStatus.PROCESSED);
    Map<String, Object> row = inboundRow(messageId);
    assertThat(row).containsEntry("ticket_number", taken.ticketNumber());
    assertThat(((Number) row.get("size")).longValue()).isEqualTo(size);
    assertThat(ticket(taken.ticketNumber()))
        .containsEntry("subject", "Contrassegno disabili")
        .containsEntry("email", sender);
    assertThat(Files.exists(spooled)).as("the spool file is deleted").isFalse();

    // unreadable (no sender): quarantined with all its bytes, streamed from the file
    Path unreadable = Files.createTempFile("spooled", ".eml");
    String unreadableId = UUID.randomUUID() + "@example.it";
    Files.writeString(
        unreadable,
        "From: Ufficio senza indirizzo\r\nSubject: Messaggio rovinato\r\nMessage-ID: <"
            + unreadableId
            + ">\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\n"
            + "x".repeat(76).concat("\r\n").repeat(20_000),
        StandardCharsets.US_ASCII);
    long unreadableSize = Files.size(unreadable);
    byte[] expected = Files.readAllBytes(unreadable);
    Result quarantined;
    try (RawMessage raw = new OnlyStreamed(unreadable)) {
      quarantined = inbound.receive(ordinary(), raw);
    }

    assertThat(quarantined.status()).isEqualTo(InboundStatus.QUARANTINED);
    assertThat(inboundRow(unreadableId)).containsEntry("subject", "Messaggio rovinato");
    assertThat(
            jdbc.queryForObject(
                "select octet_length(raw)::bigint from sportello.inbound_message where id = ?",
                Long.class,
                quarantined.recordId()))
        .isEqualTo(unreadableSize);
    assertThat(
            jdbc.queryForObject(
                "select raw from sportello.inbound_message where id = ?",
                byte[].class,
                quarantined.recordId()))
        .isEqualTo(expected);
  }

  /** A spooled message that fails the test if its bytes are asked for in one array. */
  private static final class OnlyStreamed extends RawMessage {
    OnlyStreamed(Path file) throws IOException {
      super(null, file, Files.size(file));
    }

    @Override
    public byte[] bytes() {
      throw new AssertionError("the intake read a spooled message whole into memory");
    }
  }

  @Test
  void aPecMessageOpensAPecTicketForTheCertifiedSenderAndItsReceiptsOpenNone() throws Exception {
    long ticketsBefore = tickets();
    // the answer of ours that the acceptance receipt certifies, already sent
    long answer =
        outbox.insert(
            "demo-pec",
            null,
            null,
            null,
            "mario.rossi@pec.esempio.it",
            "Risposta alla richiesta RS-2026-000042",
            "Risposta",
            null,
            "RS-2026-000042.answer.1@sportello.comune-esempio.it",
            null,
            null,
            java.time.Instant.now());
    jdbc.update("update sportello.outbound_mail set status = 'SENT' where id = ?", answer);
    deliver(server, resource("/mail/pec/posta-certificata.eml"), pec().address());
    deliver(server, resource("/mail/pec/accettazione.eml"), pec().address());

    poller.poll(pec());

    Map<String, Object> envelope =
        inboundRow("opec21010.20260316101532.12345.123.1.1@pec.gestore-esempio.it");
    assertThat(envelope)
        .containsEntry("status", "PROCESSED")
        .containsEntry("message_id", "A1B2C3D4.5678@pec.esempio.it")
        .containsEntry("sender", "mario.rossi@pec.esempio.it");
    assertThat(ticket((String) envelope.get("ticket_number")))
        .containsEntry("channel", "PEC")
        .containsEntry("email", "mario.rossi@pec.esempio.it")
        .containsEntry("subject", "Istanza di rimborso TARI 2025");
    Map<String, Object> receipt =
        inboundRow("opec9001.20260317090002.777.1.1@pec.gestore-comune.it");
    assertThat(receipt.get("status")).isEqualTo("IGNORED");
    assertThat((String) receipt.get("reason"))
        .startsWith("PEC receipt accettazione about message RS-2026-000042.answer.1@");
    assertThat(
            jdbc.queryForMap(
                "select kind, outbound_mail_id from sportello.pec_receipt where inbound_message_id = ?",
                receipt.get("id")))
        .containsEntry("kind", "accettazione")
        .containsEntry("outbound_mail_id", answer);
    assertThat(
            jdbc.queryForObject(
                "select pec_state from sportello.outbound_mail where id = ?", String.class, answer))
        .isEqualTo("accettazione");
    assertThat(tickets()).isEqualTo(ticketsBefore + 1);

    // the answer belongs to the new ticket; its delivery receipt follows: the ticket shows both
    String number = (String) envelope.get("ticket_number");
    jdbc.update(
        "update sportello.outbound_mail set ticket_number = ? where id = ?", number, answer);
    deliver(server, resource("/mail/pec/avvenuta-consegna.eml"), pec().address());
    poller.poll(pec());

    JsonNode mails = get("/api/tickets/" + number + "/mails", "operator1").getBody();
    assertThat(mails.findValuesAsText("subject"))
        .as("our answer, then the acknowledgement of the new request, still in the outbox")
        .containsExactly(
            "Risposta alla richiesta RS-2026-000042",
            "[" + number + "] Abbiamo ricevuto la sua richiesta: Istanza di rimborso TARI 2025");
    assertThat(mails.get(1).get("delivery").asText()).isEqualTo("PENDING");
    JsonNode mail = mails.get(0);
    assertThat(mail.get("pec").asBoolean()).isTrue();
    assertThat(mail.get("delivery").asText()).isEqualTo("SENT");
    assertThat(mail.get("pecState").asText()).isEqualTo("avvenuta-consegna");
    assertThat(mail.get("receipts").findValuesAsText("kind"))
        .containsExactly("accettazione", "avvenuta-consegna");
    assertThat(mail.get("receipts").get(1).get("deliveredTo").asText())
        .isEqualTo("mario.rossi@pec.esempio.it");
    assertThat(get("/api/tickets/" + number + "/mails", "office1").getStatusCode())
        .as("not an office's ticket")
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aMessageTakenInButNotMarkedAsSeenIsSkippedByTheNextPoll() throws Exception {
    String messageId = UUID.randomUUID() + "@example.it";
    deliver(
        server,
        message(
            "sara.conti@example.it",
            ordinary().address(),
            "Carta d'identità elettronica",
            "Quando posso prenotare la CIE?",
            messageId),
        ordinary().address());
    // the application "stops" between our commit and the flag on the server
    MailPort crashingAfterCommit =
        new MailPort() {
          @Override
          public MailboxSession open(Mailbox mailbox) {
            MailboxSession real = port.open(mailbox);
            return new MailboxSession() {
              @Override
              public List<FetchedMessage> unseen(int limit) {
                return real.unseen(limit);
              }

              @Override
              public void markSeen(FetchedMessage message) {
                throw new MailServerException("connection lost", null);
              }

              @Override
              public void close() {
                real.close();
              }

              @Override
              public List<HeldMessage> held(java.time.Instant since) {
                return real.held(since);
              }
            };
          }

          @Override
          public Optional<MailboxWatch> watch(Mailbox mailbox) {
            return port.watch(mailbox);
          }

          @Override
          public void send(Mailbox mailbox, MimeMessage message) {
            port.send(mailbox, message);
          }

          @Override
          public MimeMessage newMessage() {
            return port.newMessage();
          }
        };

    new MailboxPoller(
            crashingAfterCommit,
            inbound,
            properties,
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry())
        .poll(ordinary());
    String number = (String) inboundRow(messageId).get("ticket_number");
    assertThat(number).isNotNull();

    // restarted: the message is fetched again, recognised and only marked as seen now
    assertThat(poller.poll(ordinary())).isGreaterThanOrEqualTo(1);
    assertThat(poller.poll(ordinary())).isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.ticket where idempotency_key = ?",
                Long.class,
                messageId))
        .isEqualTo(1);
  }

  private Map<String, Object> inboundRow(String messageKey) {
    return jdbc.queryForMap(
        "select * from sportello.inbound_message where message_key = ?", messageKey);
  }

  private Map<String, Object> ticket(String number) {
    return jdbc.queryForMap(
        """
        select t.id, t.channel, t.subject, t.description, t.language, t.created_by, c.email, c.name
        from sportello.ticket t join sportello.contact c on c.id = t.requester_id where t.number = ?""",
        number);
  }

  private long tickets() {
    return jdbc.queryForObject("select count(*) from sportello.ticket", Long.class);
  }
}
