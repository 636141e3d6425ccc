package it.sportello.channel.mail;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The mail servers, as the channel needs them: read a mailbox's new messages, send a message. */
public interface MailPort {

  /** Opens the mailbox's inbound folder. */
  MailboxSession open(Mailbox mailbox);

  /**
   * A connection that waits for the server to announce new mail in the mailbox's folder (IMAP
   * IDLE); empty when the server does not offer that, and the mailbox is only polled.
   */
  Optional<MailboxWatch> watch(Mailbox mailbox);

  /** Sends the message from the mailbox's SMTP account. */
  void send(Mailbox mailbox, MimeMessage message);

  /** A new, empty message to fill in and {@link #send}. */
  MimeMessage newMessage();

  /** An open inbound folder. */
  interface MailboxSession extends AutoCloseable {

    /**
     * The messages not yet marked as seen, oldest first, at most {@code limit}: their ids and
     * sizes; each one's bytes are fetched when it is {@linkplain FetchedMessage#read read}, while
     * this session is open.
     */
    List<FetchedMessage> unseen(int limit);

    /** Marks the message as processed on the server, so that it is not fetched again. */
    void markSeen(FetchedMessage message);

    @Override
    void close();

    /**
     * What the folder holds that arrived at or after {@code since}, seen or not, oldest first: the
     * headers only (no body is fetched), for the daily reconciliation.
     */
    default List<HeldMessage> held(java.time.Instant since) {
      throw new UnsupportedOperationException("This mail server cannot list what it holds");
    }
  }

  /**
   * A message in a folder, as its headers tell it.
   *
   * @param uid its id in the folder
   * @param size its size on the server
   * @param receivedAt when the server received it (IMAP INTERNALDATE), null when unknown
   * @param seen whether it is marked as seen
   * @param headers its header section as the server holds it (RFC 5322), ending with an empty line
   */
  record HeldMessage(
      long uid, long size, java.time.Instant receivedAt, boolean seen, byte[] headers) {}

  /** A connection waiting for news of a folder; closing it (from any thread) ends the wait. */
  interface MailboxWatch extends AutoCloseable {

    /**
     * Blocks until the folder has changed since the last call (new mail, most likely) or {@code
     * atMost} has passed; waits are renewed at least this often, so that servers and firewalls do
     * not drop the idle connection (RFC 2177 asks for less than 29 minutes).
     *
     * @return whether the folder changed
     * @throws MailServerException when the connection is lost or closed
     */
    boolean awaitChange(Duration atMost);

    @Override
    void close();
  }

  /**
   * A message as the server holds it: its id and size first, its bytes only when {@link #read}
   * (large ones spooled to a temporary file), its headers alone with {@link #headers}.
   */
  final class FetchedMessage {

    /** Fetches a message's content from the server. */
    public interface Content {
      /** Its bytes (RFC 5322); the caller closes the result. */
      RawMessage read();

      /** Its header section only (RFC 5322, up to the empty line). */
      byte[] headers();
    }

    private final long uid;
    private final long size;
    private final byte[] raw;
    private final Content content;

    /** A message whose bytes are at hand. */
    public FetchedMessage(long uid, byte[] raw, long size) {
      this.uid = uid;
      this.raw = raw;
      this.size = size;
      this.content = null;
    }

    /** A message read from the server when asked. */
    public FetchedMessage(long uid, long size, Content content) {
      this.uid = uid;
      this.raw = null;
      this.size = size;
      this.content = content;
    }

    /** Its id in the folder. */
    public long uid() {
      return uid;
    }

    /** Its size on the server ({@code -1} when the server did not say). */
    public long size() {
      return size;
    }

    /**
     * Its bytes, whole in memory (fetched now when not yet at hand); the intake uses {@link #read},
     * which spools a large message to disk.
     */
    public byte[] raw() {
      if (raw != null) {
        return raw;
      }
      try (RawMessage message = read()) {
        return message.bytes();
      }
    }

    /** Its bytes, fetched now if needed; the caller closes the result (a spool file goes). */
    public RawMessage read() {
      if (raw != null) {
        return RawMessage.of(raw);
      }
      if (content == null) {
        throw new IllegalStateException("Message " + uid + " has no content to read");
      }
      return content.read();
    }

    /** Its header section, without its body. */
    public byte[] headers() {
      return raw != null ? raw : content.headers();
    }

    @Override
    public String toString() {
      return "message " + uid + " (" + size + " bytes)";
    }
  }

  /** The server could not be reached or refused us. */
  class MailServerException extends RuntimeException {
    public MailServerException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
