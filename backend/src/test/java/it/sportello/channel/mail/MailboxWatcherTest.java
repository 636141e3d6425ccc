package it.sportello.channel.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import it.sportello.channel.mail.MailPort.MailServerException;
import it.sportello.channel.mail.MailPort.MailboxWatch;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IMAP IDLE against a real IMAP server (GreenMail), and the watcher's life around it. */
class MailboxWatcherTest {

  private static final String ADDRESS = "urp@comune.example";

  private GreenMail greenMail;
  private JakartaMailPort port;
  private Mailbox mailbox;

  @BeforeEach
  void startServer() {
    greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    greenMail.start();
    greenMail.setUser(ADDRESS, ADDRESS, "secret");
    port =
        new JakartaMailPort(
            new MailProperties(
                Map.of(),
                new MailProperties.EmbeddedServer(false, "127.0.0.1", 0, 0, "demo"),
                new MailProperties.Polling(false, 50, 1_000_000),
                new MailProperties.Outbound(
                    false, Duration.ofSeconds(30), 3, Duration.ofMinutes(1), Duration.ofHours(1))));
    mailbox =
        new Mailbox(
            "urp",
            MailboxKind.ORDINARY,
            ADDRESS,
            new Mailbox.Server(
                "127.0.0.1", greenMail.getImap().getPort(), false, false, ADDRESS, "secret"),
            null,
            "INBOX",
            Duration.ofMinutes(1),
            true,
            null,
            "it",
            false);
  }

  @AfterEach
  void stopServer() {
    greenMail.stop();
  }

  @Test
  void theWaitEndsWhenMailArrives() throws Exception {
    try (MailboxWatch watch = port.watch(mailbox).orElseThrow()) {
      CompletableFuture<Boolean> changed =
          CompletableFuture.supplyAsync(() -> watch.awaitChange(Duration.ofMinutes(5)));
      deliver("Certificato di residenza");

      assertThat(changed.get(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void withoutNewsTheWaitIsRenewedAndSaysNothingChanged() {
    try (MailboxWatch watch = port.watch(mailbox).orElseThrow()) {
      assertThat(watch.awaitChange(Duration.ofMillis(300))).isFalse();
      assertThat(watch.awaitChange(Duration.ofMillis(300))).isFalse();
    }
  }

  @Test
  void mailArrivedBetweenTwoWaitsIsReportedByTheNextOne() {
    try (MailboxWatch watch = port.watch(mailbox).orElseThrow()) {
      deliver("Arrivata mentre non si aspettava");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> greenMail.getReceivedMessages().length == 1);

      assertThat(watch.awaitChange(Duration.ofMinutes(5))).isTrue();
    }
  }

  @Test
  void theWatcherAsksForAPollOnStartAndOnNewMailAndStopsWhenAsked() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    MailboxWatcher watcher =
        new MailboxWatcher(mailbox, port, polls::incrementAndGet, Duration.ofSeconds(1));
    Thread thread = new Thread(watcher, "test-watcher");
    thread.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> polls.get() == 1);

    deliver("Seconda richiesta");
    await().atMost(Duration.ofSeconds(30)).until(() -> polls.get() >= 2);

    watcher.stop();
    thread.join(10_000);
    assertThat(thread.isAlive()).isFalse();
  }

  @Test
  void aServerWithoutIdleLeavesTheMailboxToPolling() throws Exception {
    MailPort noIdle =
        new JakartaMailPort(null) {
          @Override
          public Optional<MailboxWatch> watch(Mailbox ignored) {
            return Optional.empty();
          }
        };
    AtomicInteger polls = new AtomicInteger();
    Thread thread =
        new Thread(
            new MailboxWatcher(mailbox, noIdle, polls::incrementAndGet, Duration.ofSeconds(1)));
    thread.start();
    thread.join(10_000);

    assertThat(thread.isAlive()).isFalse();
    assertThat(polls).hasValue(0);
  }

  @Test
  void aServerThatCannotBeReachedIsTriedAgainAfterThePause() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    MailPort downTwice =
        new JakartaMailPort(null) {
          @Override
          public Optional<MailboxWatch> watch(Mailbox target) {
            if (attempts.incrementAndGet() <= 2) {
              throw new MailServerException("connection refused", null);
            }
            return port.watch(target);
          }
        };
    AtomicInteger polls = new AtomicInteger();
    MailboxWatcher watcher =
        new MailboxWatcher(mailbox, downTwice, polls::incrementAndGet, Duration.ofMillis(100));
    Thread thread = new Thread(watcher, "test-watcher");
    thread.start();

    await().atMost(Duration.ofSeconds(10)).until(() -> polls.get() == 1);
    assertThat(attempts).hasValue(3);

    watcher.stop();
    thread.join(10_000);
    assertThat(thread.isAlive()).isFalse();
  }

  private void deliver(String subject) {
    GreenMailUtil.sendTextEmail(
        ADDRESS,
        "mario.rossi@example.it",
        subject,
        "Buongiorno",
        new ServerSetup(greenMail.getSmtp().getPort(), "127.0.0.1", "smtp"));
  }
}
