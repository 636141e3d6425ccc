package it.sportello.channel.mail;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sportello.mail.*}: the mailboxes of the e-mail and PEC channel. No mailbox configured, no
 * channel: nothing is polled or sent.
 *
 * @param mailboxes by id (the id is kept on every message, do not rename a mailbox in use)
 * @param embeddedServer the demo's SMTP/IMAP server inside the application
 * @param polling how inbound mail is fetched
 * @param outbound how outbound mail is sent
 */
@Validated
@ConfigurationProperties("sportello.mail")
public record MailProperties(
    @Valid @NotNull @DefaultValue Map<String, MailboxProperties> mailboxes,
    @Valid @NotNull @DefaultValue EmbeddedServer embeddedServer,
    @Valid @NotNull @DefaultValue Polling polling,
    @Valid @NotNull @DefaultValue Outbound outbound) {

  /**
   * One mailbox, ordinary or PEC.
   *
   * @param address its e-mail address: what we send from, and what we never answer (loops)
   * @param embedded served by the embedded demo server: host, ports and credentials come from it
   * @param imap where inbound mail is fetched; without a host the mailbox only sends
   * @param smtp where outbound mail is sent; without a host the mailbox only receives
   * @param topic the ticket topic of the requests arriving here (null: classified as usual)
   * @param language the requesters' language ({@code it}, {@code en})
   * @param defaultMailbox the mailbox that sends when the ticket did not come in by mail
   */
  public record MailboxProperties(
      @NotNull @DefaultValue("ORDINARY") MailboxKind kind,
      @NotNull String address,
      boolean embedded,
      @Valid @DefaultValue Imap imap,
      @Valid @DefaultValue Smtp smtp,
      String topic,
      @NotNull @DefaultValue("it") String language,
      boolean defaultMailbox) {}

  /**
   * @param pollInterval how often the folder is read
   * @param idle also wait on the server for new mail (IMAP IDLE, RFC 2177) where it offers it, so
   *     that a message is taken in within seconds; the polling goes on as a safety net
   */
  public record Imap(
      String host,
      Integer port,
      boolean ssl,
      String username,
      String password,
      @DefaultValue("INBOX") String folder,
      @DefaultValue("PT1M") Duration pollInterval,
      @DefaultValue("true") boolean idle) {}

  public record Smtp(
      String host, Integer port, boolean ssl, boolean starttls, String username, String password) {}

  /**
   * GreenMail inside the application, for the demo: SMTP and IMAP on these ports (0: any free
   * port), one account per embedded mailbox (login = its address).
   */
  public record EmbeddedServer(
      boolean enabled,
      @DefaultValue("127.0.0.1") String bindAddress,
      @Min(0) @DefaultValue("3025") int smtpPort,
      @Min(0) @DefaultValue("3143") int imapPort,
      @NotNull @DefaultValue("demo") String password) {}

  /**
   * @param enabled whether mailboxes are polled on a schedule (tests poll explicitly); each
   *     receiving mailbox has a worker thread of its own, the outbox another
   * @param batchSize at most this many messages per mailbox and poll
   * @param maxMessageSize larger messages are not fetched: quarantined (the record) and refused
   *     with an automatic reply to the sender, in the mailbox's language
   * @param maxAttempts a message whose taking in was interrupted this many times (the application
   *     stopped or failed while at it) is quarantined without its bytes, and not tried again
   * @param spoolAbove messages larger than this are fetched into a temporary file, not into memory
   * @param stopTimeout at shutdown, how long the workers may finish the message in hand before the
   *     engine and the database close; one still in hand then stays unseen on the server
   */
  public record Polling(
      @DefaultValue("true") boolean enabled,
      @Min(1) @DefaultValue("50") int batchSize,
      @Min(1024) @DefaultValue("52428800") long maxMessageSize,
      @Min(1) @DefaultValue("3") int maxAttempts,
      @Min(0) @DefaultValue("1048576") long spoolAbove,
      @NotNull @DefaultValue("PT30S") Duration stopTimeout) {

    @ConstructorBinding
    public Polling {}

    public Polling(boolean enabled, int batchSize, long maxMessageSize) {
      this(enabled, batchSize, maxMessageSize, 3, 1_048_576, Duration.ofSeconds(30));
    }
  }

  /**
   * @param enabled whether the outbox is sent on a schedule (tests send explicitly)
   * @param interval how often the outbox is looked at
   * @param maxAttempts after this many failed attempts a message is FAILED
   * @param firstRetryAfter the wait after the first failure, doubled after each further one
   * @param maxRetryAfter the longest wait between two attempts
   * @param maxAttachmentsSize the most bytes of files attached to an operator's reply, all
   *     together: files beyond it stay in the ticket and the mail names them
   */
  public record Outbound(
      @DefaultValue("true") boolean enabled,
      @NotNull @DefaultValue("PT30S") Duration interval,
      @Min(1) @DefaultValue("6") int maxAttempts,
      @NotNull @DefaultValue("PT1M") Duration firstRetryAfter,
      @NotNull @DefaultValue("PT1H") Duration maxRetryAfter,
      @Min(0) @DefaultValue("10485760") long maxAttachmentsSize) {

    @ConstructorBinding
    public Outbound {}

    public Outbound(
        boolean enabled,
        Duration interval,
        int maxAttempts,
        Duration firstRetryAfter,
        Duration maxRetryAfter) {
      this(enabled, interval, maxAttempts, firstRetryAfter, maxRetryAfter, 10_485_760);
    }
  }
}
