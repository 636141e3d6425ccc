package it.sportello.channel.mail;

import static it.sportello.channel.mail.MailTestSupport.deliver;
import static it.sportello.channel.mail.MailTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import it.sportello.IntegrationTest;
import it.sportello.channel.mail.MailPort.FetchedMessage;
import it.sportello.channel.mail.MailPort.MailServerException;
import it.sportello.channel.mail.MailPort.MailboxSession;
import it.sportello.channel.mail.MailPort.MailboxWatch;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The mail workers, through the demo's embedded GreenMail: one worker per mailbox, one message that
 * fails never holding up the next, messages above the size limit refused with a reply, the
 * mailboxes' health. Each test reads mailboxes of its own on the embedded server.
 */
class MailWorkersIT extends IntegrationTest {

  @Autowired EmbeddedMailServer server;
  @Autowired InboundMail inbound;
  @Autowired MailProperties properties;
  @Autowired MailPort port;
  @Autowired Mailboxes mailboxes;
  @Autowired MailboxHealth health;
  @Autowired NotificationMailer notificationMailer;
  @Autowired OutboundMailSender sender;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aSlowLargeMessageInOneMailboxDoesNotDelayASmallOneInAnother() throws Exception {
    Mailbox slow = mailbox("slow");
    Mailbox quick = mailbox("quick");
    String largeId = UUID.randomUUID() + "@example.it";
    String smallId = UUID.randomUUID() + "@example.it";
    byte[] scan = new byte[3 * 1024 * 1024]; // above the 1 MB spool threshold: fetched to a file
    new Random(17).nextBytes(scan);
    deliver(
        server,
        MailTestSupport.withAttachment(
            "marta.fontana@example.it",
            slow.address(),
            "Planimetria catastale",
            "In allegato la planimetria.",
            largeId,
            "planimetria.bin",
            scan,
            "application/octet-stream"),
        slow.address());
    deliver(
        server,
        message(
            "pietro.galli@example.it",
            quick.address(),
            "Orari dell'anagrafe",
            "Quando è aperto lo sportello?",
            smallId),
        quick.address());

    CountDownLatch largeInHand = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // the large message's fetch stays in hand until the test lets it go
    MailPort holding =
        wrapping(
            fetched ->
                fetched.size() < scan.length
                    ? fetched
                    : new FetchedMessage(
                        fetched.uid(),
                        fetched.size(),
                        new FetchedMessage.Content() {
                          @Override
                          public RawMessage read() {
                            largeInHand.countDown();
                            try {
                              release.await(2, TimeUnit.MINUTES);
                            } catch (InterruptedException e) {
                              Thread.currentThread().interrupt();
                            }
                            return fetched.read();
                          }

                          @Override
                          public byte[] headers() {
                            return fetched.headers();
                          }
                        }));
    MailScheduler scheduler = scheduler(holding, slow, quick);
    try {
      scheduler.start();
      assertThat(largeInHand.await(2, TimeUnit.MINUTES)).isTrue();

      // taken in while the other mailbox's worker still holds the large message
      await().atMost(Duration.ofMinutes(2)).until(() -> takenIn(smallId));
      assertThat(row(smallId).get()).containsEntry("status", "PROCESSED");
      assertThat(row(largeId)).isEmpty();

      release.countDown();
      await().atMost(Duration.ofMinutes(2)).until(() -> takenIn(largeId));
      Map<String, Object> large = row(largeId).get();
      assertThat(large).containsEntry("status", "PROCESSED");
      assertThat(
              jdbc.queryForObject(
                  """
                  select count(*) from sportello.document_link l
                  join sportello.ticket t on t.id = l.owner_id and l.owner_kind = 'TICKET'
                  where t.number = ?""",
                  Long.class,
                  large.get("ticket_number")))
          .isEqualTo(1);
    } finally {
      release.countDown();
      scheduler.stop();
    }
  }

  @Test
  void aMessageThatCannotBeTakenInDoesNotDelayTheNextAndShowsInTheHealth() throws Exception {
    Mailbox box = mailbox("failing");
    String brokenId = UUID.randomUUID() + "@example.it";
    String goodId = UUID.randomUUID() + "@example.it";
    deliver(
        server,
        message("primo@example.it", box.address(), "Primo", "Il primo messaggio.", brokenId),
        box.address());
    deliver(
        server,
        message("secondo@example.it", box.address(), "Secondo", "Il secondo messaggio.", goodId),
        box.address());
    long[] firstUid = {-1};
    MailPort failingFirst =
        wrapping(
            fetched -> {
              if (firstUid[0] < 0) {
                firstUid[0] = fetched.uid();
              }
              if (fetched.uid() != firstUid[0]) {
                return fetched;
              }
              return new FetchedMessage(
                  fetched.uid(),
                  fetched.size(),
                  new FetchedMessage.Content() {
                    @Override
                    public RawMessage read() {
                      throw new MailServerException(
                          "Connection reset while reading for giovanna.neri@example.it", null);
                    }

                    @Override
                    public byte[] headers() {
                      return fetched.headers();
                    }
                  });
            });
    MailboxPoller poller = poller(failingFirst, properties);

    assertThat(poller.poll(box)).isEqualTo(2);

    assertThat(row(goodId))
        .hasValueSatisfying(r -> assertThat(r).containsEntry("status", "PROCESSED"));
    assertThat(row(brokenId)).as("nothing recorded: left unseen").isEmpty();
    MailboxHealth.Status status = health.of(box.id());
    assertThat(status.consecutiveFailures()).isEqualTo(1);
    assertThat(status.lastError())
        .contains("Connection reset")
        .contains("g***@example.it")
        .doesNotContain("giovanna.neri");
    assertThat(status.lastSuccess()).isNull();

    // the next poll, the server readable again: the first message is taken in, the health recovers
    assertThat(poller(port, properties).poll(box)).isEqualTo(1);
    assertThat(row(brokenId))
        .hasValueSatisfying(r -> assertThat(r).containsEntry("status", "PROCESSED"));
    assertThat(health.of(box.id()).consecutiveFailures()).isZero();
    assertThat(health.of(box.id()).lastSuccess()).isNotNull();
    assertThat(health.of(box.id()).lastError()).contains("Connection reset");
  }

  @Test
  void theMailboxesShowTheirLastErrorToSupervisors() {
    Mailbox demo = mailboxes.find("demo").orElseThrow();
    MailPort unreachable =
        new DelegatingPort(port) {
          @Override
          public MailboxSession open(Mailbox mailbox) {
            throw new MailServerException(
                "Cannot open INBOX of mailbox demo: login refused for sportello.test@example.it",
                null);
          }
        };
    MailboxPoller poller = poller(unreachable, properties);
    for (int i = 0; i < 2; i++) {
      try {
        poller.poll(demo);
      } catch (MailServerException expected) {
        // the scheduler logs it and goes on
      }
    }

    ResponseEntity<JsonNode> response = get("/api/mail/mailboxes", "supervisor");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode listed = null;
    for (JsonNode item : response.getBody()) {
      if (item.get("id").asText().equals("demo")) {
        listed = item;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.get("receives").asBoolean()).isTrue();
    assertThat(listed.get("consecutiveFailures").asInt()).isEqualTo(2);
    assertThat(listed.get("lastError").asText())
        .contains("login refused")
        .contains("s***@example.it")
        .doesNotContain("sportello.test@");
    assertThat(listed.get("lastPoll").isNull()).isFalse();
    assertThat(get("/api/mail/mailboxes", "operator1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // read again without error: the count starts again, the last error stays to be seen
    poller(port, properties).poll(demo);
    assertThat(health.of("demo").consecutiveFailures()).isZero();
    assertThat(health.of("demo").lastError()).contains("login refused");
  }

  @Test
  void aMessageAboveTheLimitIsQuarantinedAndItsSenderToldButNeverAMachine() throws Exception {
    Mailbox box = mailbox("limited");
    String person = "lucia." + UUID.randomUUID().toString().substring(0, 8) + "@example.it";
    byte[] big = new byte[300 * 1024];
    new Random(3).nextBytes(big);
    deliver(
        server,
        MailTestSupport.withAttachment(
            "Lucia Sala <" + person + ">",
            box.address(),
            "Documenti per il bonus",
            "Allego tutti i documenti.",
            UUID.randomUUID() + "@example.it",
            "documenti.zip",
            big,
            "application/zip"),
        box.address());
    MimeMessage automatic =
        MailTestSupport.withAttachment(
            "robot@example.it",
            box.address(),
            "Report notturno",
            "Report in allegato.",
            UUID.randomUUID() + "@example.it",
            "report.bin",
            big,
            "application/octet-stream");
    automatic.setHeader("Auto-Submitted", "auto-generated");
    automatic.saveChanges();
    deliver(server, automatic, box.address());
    String smallId = UUID.randomUUID() + "@example.it";
    deliver(
        server,
        message(person, box.address(), "Una domanda", "Una domanda breve.", smallId),
        box.address());
    MailProperties limited =
        new MailProperties(
            properties.mailboxes(),
            properties.embeddedServer(),
            new MailProperties.Polling(false, 50, 200 * 1024),
            properties.outbound());

    assertThat(poller(port, limited).poll(box)).isEqualTo(3);

    List<Map<String, Object>> quarantined =
        jdbc.queryForList(
            "select * from sportello.inbound_message where mailbox_id = ? and status = 'QUARANTINED'"
                + " order by id",
            box.id());
    assertThat(quarantined).hasSize(2);
    assertThat(quarantined.get(0))
        .containsEntry("sender", person)
        .containsEntry("subject", "Documenti per il bonus");
    assertThat((String) quarantined.get(0).get("reason"))
        .contains("larger than the limit")
        .contains("The sender was told");
    assertThat(quarantined.get(1)).containsEntry("sender", "robot@example.it");
    assertThat((String) quarantined.get(1).get("reason")).contains("No reply: automatic message");
    assertThat(row(smallId))
        .hasValueSatisfying(r -> assertThat(r).containsEntry("status", "PROCESSED"));

    List<Map<String, Object>> replies =
        jdbc.queryForList(
            "select * from sportello.outbound_mail where template = 'MESSAGE_TOO_LARGE'"
                + " and recipient in (?, 'robot@example.it')",
            person);
    assertThat(replies)
        .singleElement()
        .satisfies(
            reply -> {
              assertThat(reply)
                  .containsEntry("recipient", person)
                  .containsEntry("status", "PENDING");
              assertThat((String) reply.get("subject"))
                  .isEqualTo(
                      "Messaggio non accettato perché troppo grande: Documenti per il bonus");
              assertThat((String) reply.get("body")).contains("casella (0,2 MB)");
            });

    // polled again (marked as seen meanwhile, or not): no second reply
    poller(port, limited).poll(box);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.outbound_mail where template = 'MESSAGE_TOO_LARGE'"
                    + " and recipient = ?",
                Long.class,
                person))
        .isEqualTo(1);
  }

  // --- helpers

  /** A mailbox of the test's own on the embedded server, read by nobody else. */
  private Mailbox mailbox(String name) {
    String address = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@comune.example";
    server.account(address, server.password());
    return new Mailbox(
        name + "-" + address.substring(name.length() + 1, name.length() + 9),
        MailboxKind.ORDINARY,
        address,
        new Mailbox.Server(
            server.host(), server.imapPort(), false, false, address, server.password()),
        null,
        "INBOX",
        Duration.ofSeconds(1),
        false,
        null,
        "it",
        false);
  }

  private MailboxPoller poller(MailPort mailPort, MailProperties mailProperties) {
    return new MailboxPoller(
        mailPort, inbound, mailProperties, new SimpleMeterRegistry(), health, new IntakeShutdown());
  }

  private MailScheduler scheduler(MailPort mailPort, Mailbox... boxes) {
    MailProperties polling =
        new MailProperties(
            properties.mailboxes(),
            properties.embeddedServer(),
            new MailProperties.Polling(true, 50, properties.polling().maxMessageSize()),
            new MailProperties.Outbound(
                false,
                properties.outbound().interval(),
                properties.outbound().maxAttempts(),
                properties.outbound().firstRetryAfter(),
                properties.outbound().maxRetryAfter()));
    IntakeShutdown shutdown = new IntakeShutdown();
    return new MailScheduler(
        new Mailboxes(List.of(boxes)),
        new MailboxPoller(mailPort, inbound, polling, new SimpleMeterRegistry(), health, shutdown),
        polling,
        notificationMailer,
        sender,
        mailPort,
        shutdown);
  }

  /** Recorded with its outcome (a row being taken in is {@code RECEIVING}). */
  private boolean takenIn(String messageKey) {
    return row(messageKey).filter(r -> !"RECEIVING".equals(r.get("status"))).isPresent();
  }

  private Optional<Map<String, Object>> row(String messageKey) {
    return jdbc
        .queryForList("select * from sportello.inbound_message where message_key = ?", messageKey)
        .stream()
        .findFirst();
  }

  /** The real port, with each fetched message passed through {@code change}. */
  private MailPort wrapping(UnaryOperator<FetchedMessage> change) {
    return new DelegatingPort(port) {
      @Override
      public MailboxSession open(Mailbox mailbox) {
        MailboxSession real = port.open(mailbox);
        return new MailboxSession() {
          @Override
          public List<FetchedMessage> unseen(int limit) {
            return real.unseen(limit).stream().map(change).toList();
          }

          @Override
          public void markSeen(FetchedMessage message) {
            real.markSeen(message);
          }

          @Override
          public void close() {
            real.close();
          }
        };
      }
    };
  }

  private static class DelegatingPort implements MailPort {
    private final MailPort real;

    DelegatingPort(MailPort real) {
      this.real = real;
    }

    @Override
    public MailboxSession open(Mailbox mailbox) {
      return real.open(mailbox);
    }

    @Override
    public Optional<MailboxWatch> watch(Mailbox mailbox) {
      return real.watch(mailbox);
    }

    @Override
    public void send(Mailbox mailbox, MimeMessage message) {
      real.send(mailbox, message);
    }

    @Override
    public MimeMessage newMessage() {
      return real.newMessage();
    }
  }
}
