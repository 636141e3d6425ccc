/**
 * The e-mail and PEC channel. Mailboxes are configuration ({@link
 * it.sportello.channel.mail.MailProperties}, {@code sportello.mail.*}); the {@link
 * it.sportello.channel.mail.MailPort} reads and sends through IMAP and SMTP; {@link
 * it.sportello.channel.mail.InboundMail} takes each message in exactly once (tickets through {@code
 * TicketIntake}, attachments through {@code Documents}, unreadable messages to a quarantine, every
 * delivery of a message seen before recorded as a duplicate); {@link
 * it.sportello.channel.mail.MailReconciliation} compares once a day what the servers hold with what
 * was recorded; {@code pec} reads PEC envelopes and receipts.
 */
@org.springframework.modulith.NamedInterface("mail")
package it.sportello.channel.mail;
