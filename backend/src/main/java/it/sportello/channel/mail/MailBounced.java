package it.sportello.channel.mail;

import java.time.Instant;

/**
 * A delivery status notification said that one of our messages could not be delivered (a bounce).
 * Published in the transaction that records the DSN; whoever sent the message (a campaign) marks
 * its recipient.
 *
 * @param messageId the Message-ID we gave the message (without angle brackets)
 * @param recipient the address that failed, as the report names it, or null
 * @param status the status code, e.g. {@code 5.1.1}, or null
 * @param diagnostic the remote server's words, or null
 */
public record MailBounced(
    String messageId, String recipient, String status, String diagnostic, Instant at) {}
