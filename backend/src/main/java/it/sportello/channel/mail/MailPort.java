package it.sportello.channel.mail;

import jakarta.mail.internet.MimeMessage;
import java.util.List;

/** The mail servers, as the channel needs them: read a mailbox's new messages, send a message. */
public interface MailPort {

  /** Opens the mailbox's inbound folder. */
  MailboxSession open(Mailbox mailbox);

  /** Sends the message from the mailbox's SMTP account. */
  void send(Mailbox mailbox, MimeMessage message);

  /** A new, empty message to fill in and {@link #send}. */
  MimeMessage newMessage();

  /** An open inbound folder. */
  interface MailboxSession extends AutoCloseable {

    /** The messages not yet marked as seen, oldest first, at most {@code limit}. */
    List<FetchedMessage> unseen(int limit);

    /** Marks the message as processed on the server, so that it is not fetched again. */
    void markSeen(FetchedMessage message);

    @Override
    void close();
  }

  /**
   * A message as the server holds it.
   *
   * @param uid its id in the folder
   * @param raw its bytes (RFC 5322), or null when it is larger than the limit
   * @param size its size on the server
   */
  record FetchedMessage(long uid, byte[] raw, long size) {}

  /** The server could not be reached or refused us. */
  class MailServerException extends RuntimeException {
    public MailServerException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
