package it.sportello.channel.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's mail server: GreenMail as a real SMTP and IMAP server inside the application, so that
 * the mail channel can be tried without an account anywhere. Mail sent to any address through its
 * SMTP port is delivered to that address's mailbox on the server. Never in production.
 *
 * <p>GreenMail keeps every message in memory (its only store, {@code InMemoryStore}): the mail
 * delivered to the demo lives on the application's heap until it stops, and is gone after a
 * restart. A 40 MB message costs the heap about its size again while GreenMail holds it; the demo
 * is for trying the channel, not for loads (the application itself streams large messages to disk,
 * see {@link RawMessage}).
 */
@Component
@ConditionalOnProperty(name = "sportello.mail.embedded-server.enabled", havingValue = "true")
public class EmbeddedMailServer implements LocalMailServer {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

  private final GreenMail greenMail;
  private final MailProperties.EmbeddedServer properties;

  EmbeddedMailServer(MailProperties properties) {
    this.properties = properties.embeddedServer();
    String bind = this.properties.bindAddress();
    ServerSetup smtp = new ServerSetup(this.properties.smtpPort(), bind, ServerSetup.PROTOCOL_SMTP);
    ServerSetup imap = new ServerSetup(this.properties.imapPort(), bind, ServerSetup.PROTOCOL_IMAP);
    if (this.properties.smtpPort() == 0) {
      smtp = smtp.dynamicPort();
    }
    if (this.properties.imapPort() == 0) {
      imap = imap.dynamicPort();
    }
    greenMail = new GreenMail(new ServerSetup[] {smtp, imap});
    greenMail.start();
    log.info(
        "Embedded mail server (demo, messages kept in memory only): SMTP {}:{}, IMAP {}:{}",
        bind,
        smtpPort(),
        bind,
        imapPort());
  }

  @Override
  public String host() {
    return properties.bindAddress();
  }

  @Override
  public int smtpPort() {
    return greenMail.getSmtp().getPort();
  }

  @Override
  public int imapPort() {
    return greenMail.getImap().getPort();
  }

  @Override
  public void account(String address, String password) {
    greenMail.setUser(address, address, password);
  }

  /** Every message the server has received since it started (tests and benchmarks count them). */
  public jakarta.mail.internet.MimeMessage[] receivedMessages() {
    return greenMail.getReceivedMessages();
  }

  @Override
  public String password() {
    return properties.password();
  }

  @PreDestroy
  void stop() {
    greenMail.stop();
  }
}
