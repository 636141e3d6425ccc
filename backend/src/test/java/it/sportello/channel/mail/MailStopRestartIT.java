package it.sportello.channel.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import it.sportello.SportelloApplication;
import it.sportello.channel.mail.MailPort.FetchedMessage;
import it.sportello.channel.mail.MailPort.MailboxSession;
import it.sportello.channel.mail.MailPort.MailboxWatch;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Orderly stop (issue 17, item 6): the application is closed while a mail worker has a message in
 * hand. Whether the worker finishes it within the stop timeout, or the engine closes under it, the
 * message is never quarantined and, after a restart on the same database and mail server, taken in
 * exactly once. The mail server is a GreenMail of the test's own, so that it outlives the
 * application; runs in the failsafe execution that starts whole applications.
 */
class MailStopRestartIT {

  private static final String ADDRESS = "protocollo.stop@comune.example";
  private static final String PASSWORD = "secret";

  private final Path dataDirectory = Path.of("target/it-postgres/mail-stop-" + UUID.randomUUID());
  private GreenMail mailServer;

  @BeforeEach
  void mailServer() {
    mailServer =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
              new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()
            });
    mailServer.start();
    mailServer.setUser(ADDRESS, ADDRESS, PASSWORD);
    Hooks.reset();
  }

  @AfterEach
  void stopMailServer() {
    Hooks.reset();
    mailServer.stop();
  }

  @Test
  void aMessageInHandAtShutdownIsFinishedBeforeTheEngineClosesAndNotTakenInAgain()
      throws Exception {
    String messageId = deliver();
    Hooks.hold = true;
    ConfigurableApplicationContext first = start("PT30S");
    assertThat(Hooks.inHand.await(3, TimeUnit.MINUTES)).isTrue();

    IntakeShutdown shutdown = first.getBean(IntakeShutdown.class);
    Thread closing = new Thread(first::close, "closing");
    closing.start();
    await().atMost(Duration.ofMinutes(1)).until(shutdown::stopping);
    // the stop has begun and waits: the worker may finish its message
    Hooks.release.countDown();
    closing.join(TimeUnit.MINUTES.toMillis(3));
    assertThat(closing.isAlive()).isFalse();

    // committed and marked as seen before the engine closed
    assertThat(unseenOnServer()).isZero();

    assertTakenInOnceAfterRestart(messageId);
  }

  @Test
  void aMessageStillInHandWhenTheEngineClosesIsNotQuarantinedAndTakenInAfterTheRestart()
      throws Exception {
    String messageId = deliver();
    Hooks.hold = true;
    Hooks.releaseWhenEngineClosed = true;
    // the workers get one second: then the engine closes with the message still in hand
    ConfigurableApplicationContext first = start("PT1S");
    assertThat(Hooks.inHand.await(3, TimeUnit.MINUTES)).isTrue();

    first.close();

    // the engine had closed (the database still open) when the worker went on with its message
    assertThat(Hooks.releasedAfterEngineClosed).isTrue();
    assertThat(Hooks.pollEnded.getCount()).isZero();
    assertThat(unseenOnServer()).as("left unseen for the next start").isEqualTo(1);

    assertTakenInOnceAfterRestart(messageId);
  }

  private void assertTakenInOnceAfterRestart(String messageId) throws Exception {
    Hooks.reset();
    try (ConfigurableApplicationContext second = start("PT30S")) {
      await().atMost(Duration.ofMinutes(3)).until(() -> unseenOnServer() == 0);
      MailboxHealth health = second.getBean(MailboxHealth.class);
      await()
          .atMost(Duration.ofMinutes(1))
          .until(() -> health.of("stoptest").lastSuccess() != null);
      JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
      List<Map<String, Object>> rows =
          jdbc.queryForList(
              "select status, ticket_number from sportello.inbound_message where mailbox_id ="
                  + " 'stoptest'");
      assertThat(rows)
          .singleElement()
          .satisfies(r -> assertThat(r).containsEntry("status", "PROCESSED"));
      String number = (String) rows.get(0).get("ticket_number");
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from sportello.ticket where idempotency_key = ?",
                  Long.class,
                  messageId))
          .isEqualTo(1);
      assertThat(
              second
                  .getBean(RuntimeService.class)
                  .createProcessInstanceQuery()
                  .processInstanceBusinessKey(number)
                  .count())
          .as("the ticket has its process")
          .isEqualTo(1);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from sportello.inbound_message where status = 'QUARANTINED'",
                  Long.class))
          .isZero();
    }
  }

  private String deliver() throws Exception {
    String messageId = UUID.randomUUID() + "@example.it";
    MimeMessage message =
        MailTestSupport.message(
            "chiara.villa@example.it",
            ADDRESS,
            "Richiesta di accesso agli atti",
            "Chiedo copia della delibera di giunta n. 12.",
            messageId);
    java.util.Properties props = new java.util.Properties();
    props.put("mail.smtp.host", "127.0.0.1");
    props.put("mail.smtp.port", String.valueOf(mailServer.getSmtp().getPort()));
    try (jakarta.mail.Transport transport =
        jakarta.mail.Session.getInstance(props).getTransport("smtp")) {
      transport.connect();
      transport.sendMessage(
          message, new jakarta.mail.Address[] {new jakarta.mail.internet.InternetAddress(ADDRESS)});
    }
    return messageId;
  }

  private int unseenOnServer() throws Exception {
    Store store = MailTestSupport.session().getStore("imap");
    store.connect("127.0.0.1", mailServer.getImap().getPort(), ADDRESS, PASSWORD);
    try {
      Folder folder = store.getFolder("INBOX");
      folder.open(Folder.READ_ONLY);
      int unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)).length;
      folder.close(false);
      return unseen;
    } finally {
      store.close();
    }
  }

  private ConfigurableApplicationContext start(String stopTimeout) {
    return new SpringApplicationBuilder(SportelloApplication.class, Hooks.class)
        .run(
            "--server.port=0",
            "--sportello.embedded-postgres.port=0",
            "--sportello.embedded-postgres.data-directory=" + dataDirectory,
            "--camunda.bpm.job-execution.enabled=false",
            "--sportello.mail.embedded-server.smtp-port=0",
            "--sportello.mail.embedded-server.imap-port=0",
            "--sportello.mail.polling.enabled=true",
            "--sportello.mail.polling.stop-timeout=" + stopTimeout,
            "--sportello.mail.outbound.enabled=false",
            "--sportello.mail.mailboxes.stoptest.address=" + ADDRESS,
            "--sportello.mail.mailboxes.stoptest.imap.host=127.0.0.1",
            "--sportello.mail.mailboxes.stoptest.imap.port=" + mailServer.getImap().getPort(),
            "--sportello.mail.mailboxes.stoptest.imap.username=" + ADDRESS,
            "--sportello.mail.mailboxes.stoptest.imap.password=" + PASSWORD,
            "--sportello.mail.mailboxes.stoptest.imap.poll-interval=PT1S",
            "--sportello.mail.mailboxes.stoptest.imap.idle=false",
            "--sportello.search.embedded.start-on-startup=false",
            "--sportello.search.indexer.enabled=false");
  }

  /**
   * Test hooks, a source of the application (not a scanned component): the mail port holds the
   * mailbox's message in hand until released; a process-engine plugin that needs the database is
   * destroyed after the engine (which depends on it) and before the database (on which it depends),
   * the moment of the reported failures.
   */
  static class Hooks {
    static volatile boolean hold;
    static volatile boolean releaseWhenEngineClosed;
    static volatile boolean releasedAfterEngineClosed;
    static volatile boolean engineClosed;
    static volatile CountDownLatch inHand;
    static volatile CountDownLatch release;
    static volatile CountDownLatch pollEnded;

    static void reset() {
      hold = false;
      releaseWhenEngineClosed = false;
      releasedAfterEngineClosed = false;
      engineClosed = false;
      inHand = new CountDownLatch(1);
      pollEnded = new CountDownLatch(1);
      CountDownLatch previous = release;
      release = new CountDownLatch(1);
      if (previous != null) {
        previous.countDown();
      }
    }

    @Bean
    @Primary
    MailPort holdingMailPort(JakartaMailPort real) {
      return new MailPort() {
        @Override
        public MailboxSession open(Mailbox mailbox) {
          MailboxSession session = real.open(mailbox);
          if (!hold || !mailbox.id().equals("stoptest")) {
            return session;
          }
          return new MailboxSession() {
            boolean held;

            @Override
            public List<FetchedMessage> unseen(int limit) {
              return session.unseen(limit).stream()
                  .map(
                      fetched ->
                          new FetchedMessage(
                              fetched.uid(),
                              fetched.size(),
                              new FetchedMessage.Content() {
                                @Override
                                public RawMessage read() {
                                  RawMessage raw = fetched.read();
                                  if (hold) {
                                    held = true;
                                    inHand.countDown();
                                    try {
                                      release.await(3, TimeUnit.MINUTES);
                                    } catch (InterruptedException e) {
                                      Thread.currentThread().interrupt();
                                    }
                                  }
                                  return raw;
                                }

                                @Override
                                public byte[] headers() {
                                  return fetched.headers();
                                }
                              }))
                  .toList();
            }

            @Override
            public void markSeen(FetchedMessage message) {
              session.markSeen(message);
            }

            @Override
            public void close() {
              session.close();
              if (held) {
                pollEnded.countDown();
              }
            }
          };
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
      };
    }

    @Bean
    ReleaseWhenEngineClosed releaseWhenEngineClosed(
        DataSource dataSource, EntityManagerFactory entityManagerFactory) {
      return new ReleaseWhenEngineClosed();
    }
  }

  /**
   * Destroyed after the engine, before the database: lets the held message go on, and waits for it.
   * From then on every engine command fails as the reported ones did (a closed engine's services
   * may still answer; what they depend on may not), while the database still works: the moment a
   * false quarantine was written.
   */
  static class ReleaseWhenEngineClosed extends AbstractProcessEnginePlugin
      implements DisposableBean {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      List<CommandInterceptor> interceptors = new ArrayList<>();
      if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
        interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
      }
      interceptors.add(
          new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
              if (Hooks.engineClosed) {
                throw new ProcessEngineException(
                    "couldn't execute activity <businessRuleTask id=\"businessRuleTask_classifyTicket\""
                        + " ...>: the engine is closed");
              }
              return next.execute(command);
            }
          });
      configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    @Override
    public void destroy() throws InterruptedException {
      if (Hooks.releaseWhenEngineClosed) {
        Hooks.engineClosed = true;
        Hooks.releasedAfterEngineClosed = true;
        Hooks.release.countDown();
        Hooks.pollEnded.await(2, TimeUnit.MINUTES);
      }
    }
  }
}
