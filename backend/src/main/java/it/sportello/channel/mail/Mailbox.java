package it.sportello.channel.mail;

import java.time.Duration;
import java.util.Locale;

/**
 * A mailbox as the drivers use it, its settings resolved (the embedded server's ports filled in).
 *
 * @param imap null when the mailbox only sends
 * @param smtp null when the mailbox only receives
 * @param idle wait for new mail with IMAP IDLE where the server offers it (besides polling)
 */
public record Mailbox(
    String id,
    MailboxKind kind,
    String address,
    Server imap,
    Server smtp,
    String folder,
    Duration pollInterval,
    boolean idle,
    String topic,
    String language,
    boolean defaultMailbox) {

  public Mailbox {
    address = address.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * @param starttls upgrade a plain connection (SMTP on 587)
   */
  public record Server(
      String host, int port, boolean ssl, boolean starttls, String username, String password) {

    @Override
    public String toString() {
      return host + ":" + port + (ssl ? " (TLS)" : starttls ? " (STARTTLS)" : "");
    }
  }

  public boolean receives() {
    return imap != null;
  }

  public boolean sends() {
    return smtp != null;
  }
}
