package it.sportello.channel.mail;

import static it.sportello.channel.mail.MailTestSupport.deliver;
import static it.sportello.channel.mail.MailTestSupport.inbox;
import static it.sportello.channel.mail.MailTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.contact.InteractionLog;
import it.sportello.contact.RequesterData;
import it.sportello.notification.Notification.RecipientKind;
import it.sportello.notification.NotificationRequest;
import it.sportello.notification.Notifications;
import it.sportello.ticket.application.OpenTicketCommand;
import it.sportello.ticket.application.TicketIntake;
import it.sportello.ticket.application.TicketQueries;
import it.sportello.ticket.domain.Channel;
import it.sportello.ticket.domain.Ticket;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Mail we send, through the demo's embedded GreenMail server, and what comes back. */
class MailOutboundIT extends IntegrationTest {

  @Autowired Mailboxes mailboxes;
  @Autowired MailboxPoller poller;
  @Autowired EmbeddedMailServer server;
  @Autowired OutboundMailSender sender;
  @Autowired NotificationMailer notificationMailer;
  @Autowired Notifications notifications;
  @Autowired OutboundMailTable outbox;
  @Autowired MailOutbox outbound;
  @Autowired MailPort port;
  @Autowired TicketIntake intake;
  @Autowired TicketQueries tickets;
  @Autowired InteractionLog interactions;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcTemplate jdbc;

  Mailbox ordinary() {
    return mailboxes.find("demo").orElseThrow();
  }

  @Test
  void theAcknowledgementLeavesFromTheMailboxAndReplyingToItLandsOnTheSameTicket()
      throws Exception {
    String requester = "elena." + UUID.randomUUID().toString().substring(0, 8) + "@example.it";
    String requestId = UUID.randomUUID() + "@example.it";
    String number =
        openByMail(
            "Elena Galli <" + requester + ">",
            "Orari dell'ufficio tributi",
            "A che ora apre l'ufficio tributi il sabato?",
            requestId);

    Map<String, Object> queued =
        jdbc.queryForMap("select * from sportello.outbound_mail where ticket_number = ?", number);
    assertThat(queued)
        .containsEntry("status", "PENDING")
        .containsEntry("mailbox_id", "demo")
        .containsEntry("recipient", requester)
        .containsEntry("in_reply_to", requestId)
        .containsEntry("template", "TICKET_RECEIVED");
    assertThat(sender.sendDue()).isGreaterThanOrEqualTo(1);
    assertThat(
            jdbc.queryForMap(
                "select status, attempts from sportello.outbound_mail where id = ?",
                queued.get("id")))
        .containsEntry("status", "SENT")
        .containsEntry("attempts", 1);

    MimeMessage acknowledgement = inbox(server, requester).get(0);
    assertThat(acknowledgement.getSubject())
        .isEqualTo(
            "[" + number + "] Abbiamo ricevuto la sua richiesta: Orari dell'ufficio tributi");
    assertThat(acknowledgement.getFrom()[0].toString()).isEqualTo(ordinary().address());
    assertThat(acknowledgement.getHeader("In-Reply-To")[0]).isEqualTo("<" + requestId + ">");
    assertThat((String) acknowledgement.getContent()).contains(number);

    // the requester answers from a client that drops the number from the subject
    String replyId = UUID.randomUUID() + "@example.it";
    MimeMessage reply =
        message(requester, ordinary().address(), "Re: la mia domanda", "Grazie, aspetto.", replyId);
    reply.setHeader("In-Reply-To", acknowledgement.getMessageID());
    reply.setHeader("References", "<" + requestId + "> " + acknowledgement.getMessageID());
    deliver(server, reply, ordinary().address());
    poller.poll(ordinary());

    assertThat(
            jdbc.queryForMap(
                "select ticket_number, reason from sportello.inbound_message where message_key = ?",
                replyId))
        .containsEntry("ticket_number", number)
        .containsEntry("reason", "reply");
    assertThat(
            jdbc.queryForList(
                "select direction, kind from sportello.interaction where ticket_number = ? order by id",
                number))
        .extracting(row -> row.get("direction") + " " + row.get("kind"))
        .containsExactly("INBOUND REQUEST", "OUTBOUND NOTIFICATION", "INBOUND MESSAGE");
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aSentMailIsLoggedByItsIdsNeverByItsRecipientsAddress(CapturedOutput output) {
    String recipient = "riservato." + UUID.randomUUID().toString().substring(0, 8) + "@example.it";
    String messageId =
        outbound
            .queue(
                new MailOutbox.Letter(
                    null, false, recipient, "Comunicazione", "Testo", "LETTER", null))
            .orElseThrow();

    assertThat(sender.sendDue()).isGreaterThanOrEqualTo(1);

    assertThat(
            jdbc.queryForObject(
                "select status from sportello.outbound_mail where message_id = ?",
                String.class,
                messageId))
        .isEqualTo("SENT");
    assertThat(output.getOut() + output.getErr())
        .contains("Mail " + messageId)
        .doesNotContain(recipient)
        .doesNotContain(recipient.substring(0, recipient.indexOf('@')));
  }

  @Test
  void anOperatorsReplyLeavesAsOrdinaryMailInTheConversation() throws Exception {
    String requester = "paolo." + UUID.randomUUID().toString().substring(0, 8) + "@example.it";
    String requestId = UUID.randomUUID() + "@example.it";
    String number =
        openByMail(
            "Paolo Neri <" + requester + ">",
            "Passo carrabile",
            "Quali documenti servono per il passo carrabile?",
            requestId);

    assertThat(
            post(
                    "/api/tickets/" + number + "/replies",
                    "operator1",
                    Map.of("text", "Servono la planimetria e il modulo A12."))
                .getStatusCode())
        .isEqualTo(org.springframework.http.HttpStatus.ACCEPTED);
    assertThat(
            post("/api/tickets/" + number + "/replies", "operator1", Map.of("text", " "))
                .getStatusCode())
        .isEqualTo(org.springframework.http.HttpStatus.BAD_REQUEST);
    notificationMailer.queuePending();
    sender.sendDue();

    MimeMessage answer =
        inbox(server, requester).stream()
            .filter(mail -> subjectOf(mail).contains("Risposta alla sua richiesta"))
            .findFirst()
            .orElseThrow();
    assertThat(answer.getSubject())
        .isEqualTo("[" + number + "] Risposta alla sua richiesta: Passo carrabile");
    // the operator's answer leaves as text and HTML (multipart/alternative)
    assertThat(answer.isMimeType("multipart/alternative")).isTrue();
    assertThat(plainText(answer)).startsWith("Servono la planimetria e il modulo A12.");
    assertThat(answer.getHeader("In-Reply-To")[0]).isEqualTo("<" + requestId + ">");
    assertThat(answer.getHeader("Auto-Submitted"))
        .as("written by a person: not marked as automatic")
        .isNull();
    assertThat(
            get("/api/tickets/" + number, "operator1")
                .getBody()
                .get("history")
                .findValuesAsText("kind"))
        .contains("REPLY_SENT");
    JsonNode mails = get("/api/tickets/" + number + "/mails", "operator1").getBody();
    assertThat(mails.findValuesAsText("template"))
        .containsExactly("TICKET_RECEIVED", "OPERATOR_REPLY");
    assertThat(mails.findValuesAsText("delivery")).containsExactly("SENT", "SENT");
    assertThat(mails.get(1).get("pec").asBoolean()).isFalse();
    assertThat(mails.get(1).get("recipient").asText()).isEqualTo(requester);
  }

  /** A requester writes to the ordinary mailbox, which is polled: the number of the new ticket. */
  private String openByMail(String from, String subject, String text, String messageId)
      throws Exception {
    deliver(
        server,
        message(from, ordinary().address(), subject, text, messageId),
        ordinary().address());
    poller.poll(ordinary());
    return jdbc.queryForObject(
        "select ticket_number from sportello.inbound_message where message_key = ?",
        String.class,
        messageId);
  }

  private static String subjectOf(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aNotificationToTheRequesterIsMailedInTheirLanguage() throws Exception {
    String requester = "john." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    Ticket ticket =
        intake
            .open(
                new OpenTicketCommand(
                    Channel.WEB,
                    null,
                    "Residence permit office hours",
                    "When is the office open?",
                    "en",
                    new RequesterData("John Smith", null, null, requester, null),
                    null,
                    null,
                    Map.of(),
                    null,
                    null),
                null,
                "api-client")
            .ticket();
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status ->
                notifications.queue(
                    new NotificationRequest(
                        ticket.getNumber() + ":TICKET_CLOSED:test",
                        ticket.getId(),
                        RecipientKind.REQUESTER,
                        requester,
                        "EMAIL",
                        "TICKET_CLOSED",
                        "en",
                        Map.of(
                            "number",
                            ticket.getNumber(),
                            "subject",
                            ticket.getSubject(),
                            "answer",
                            "The office is open on Mondays from 9 to 12."))));

    assertThat(notificationMailer.queuePending()).isGreaterThanOrEqualTo(1);
    assertThat(notificationMailer.queuePending()).isZero();
    sender.sendDue();

    assertThat(
            jdbc.queryForObject(
                "select status from sportello.notification_outbox where dedup_key = ?",
                String.class,
                ticket.getNumber() + ":TICKET_CLOSED:test"))
        .isEqualTo("SENT");
    List<MimeMessage> received = inbox(server, requester);
    assertThat(received).hasSize(1);
    assertThat(received.get(0).getSubject())
        .isEqualTo(
            "[" + ticket.getNumber() + "] Answer to your request: Residence permit office hours");
    assertThat(plainText(received.get(0))).contains("The office is open on Mondays from 9 to 12.");
    assertThat(received.get(0).getFrom()[0].toString()).isEqualTo(ordinary().address());
  }

  @Test
  void aMailWithAttachmentsLeavesAsMultipartWithTheTextFirstAndTheSameBytes() throws Exception {
    String recipient = "files." + UUID.randomUUID().toString().substring(0, 8) + "@example.it";
    byte[] workbook = new byte[70_000];
    new java.util.Random(42).nextBytes(workbook);
    byte[] notes = "Primo rigo\nSecondo rigo – è tutto\n".getBytes(StandardCharsets.UTF_8);
    MailOutbox.Queued queued =
        new TransactionTemplate(transactionManager)
            .execute(
                status ->
                    outbound
                        .queue(
                            new MailOutbox.Letter(
                                null,
                                false,
                                recipient,
                                "Report di prova",
                                "In allegato.",
                                null,
                                null),
                            "demo",
                            List.of(
                                new MailOutbox.Attachment(
                                    "report-2026-11.xlsx",
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                    workbook),
                                new MailOutbox.Attachment("note.txt", "text/plain", notes)))
                        .orElseThrow());
    assertThat(outbound.statuses(List.of(queued.id()))).containsEntry(queued.id(), "PENDING");

    sender.sendDue();

    assertThat(outbound.statuses(List.of(queued.id()))).containsEntry(queued.id(), "SENT");
    MimeMessage received = inbox(server, recipient).get(0);
    assertThat(received.getSubject()).isEqualTo("Report di prova");
    assertThat(received.getContentType()).startsWith("multipart/mixed");
    MimeMultipart parts = (MimeMultipart) received.getContent();
    assertThat(parts.getCount()).isEqualTo(3);
    assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
    assertThat((String) parts.getBodyPart(0).getContent()).isEqualTo("In allegato.");
    assertThat(parts.getBodyPart(1).getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("report-2026-11.xlsx");
    assertThat(parts.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(workbook);
    assertThat(parts.getBodyPart(2).getFileName()).isEqualTo("note.txt");
    assertThat(parts.getBodyPart(2).getInputStream().readAllBytes()).isEqualTo(notes);
  }

  @Test
  void aMailFromAMailboxThatCannotSendIsNotQueued() {
    assertThat(
            outbound.queue(
                new MailOutbox.Letter(null, false, "x@example.it", "S", "B", null, null),
                "no-such-mailbox",
                List.of()))
        .isEmpty();
  }

  @Test
  void withTheSmtpServerDownAMessageIsRetriedWithBackoffAndThenFailed() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Mailbox down =
        new Mailbox(
            "down",
            MailboxKind.ORDINARY,
            "down@comune.example",
            null,
            new Mailbox.Server("127.0.0.1", closedPort, false, false, null, null),
            "INBOX",
            Duration.ofMinutes(1),
            false,
            null,
            "it",
            false);
    OutboundMailSender downSender =
        new OutboundMailSender(
            outbox,
            new Mailboxes(List.of(down)),
            port,
            new MailProperties.Outbound(
                true, Duration.ofSeconds(30), 3, Duration.ofMinutes(1), Duration.ofHours(1)),
            notifications,
            tickets,
            interactions,
            transactionManager,
            clock);
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    clock.pin(start);
    long id =
        outbox.insert(
            "down",
            null,
            null,
            null,
            "x@example.it",
            "Prova",
            "Corpo",
            null,
            UUID.randomUUID() + "@comune.example",
            null,
            null,
            start);

    assertThat(downSender.sendDue()).isEqualTo(1);
    assertThat(row(id))
        .containsEntry("status", "PENDING")
        .containsEntry("attempts", 1)
        .containsEntry("next_attempt_at", java.sql.Timestamp.from(start.plusSeconds(60)));
    assertThat((String) row(id).get("last_error")).isNotBlank();
    assertThat(downSender.sendDue()).isZero();

    clock.pin(start.plusSeconds(60));
    assertThat(downSender.sendDue()).isEqualTo(1);
    assertThat(row(id))
        .containsEntry("attempts", 2)
        .containsEntry("next_attempt_at", java.sql.Timestamp.from(start.plusSeconds(180)));

    clock.pin(start.plusSeconds(180));
    assertThat(downSender.sendDue()).isEqualTo(1);
    assertThat(row(id)).containsEntry("status", "FAILED").containsEntry("attempts", 3);

    clock.pin(start.plus(Duration.ofDays(1)));
    assertThat(downSender.sendDue()).isZero();
    assertThat(downSender.backoff(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(downSender.backoff(4)).isEqualTo(Duration.ofMinutes(8));
    assertThat(downSender.backoff(20)).isEqualTo(Duration.ofHours(1));
  }

  private Map<String, Object> row(long id) {
    return jdbc.queryForMap("select * from sportello.outbound_mail where id = ?", id);
  }

  /** The first text/plain part of a mail (the whole body of a text-only one). */
  private static String plainText(Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return (String) part.getContent();
    }
    if (part.isMimeType("multipart/*")) {
      MimeMultipart multipart = (MimeMultipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = plainText(multipart.getBodyPart(i));
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }
}
