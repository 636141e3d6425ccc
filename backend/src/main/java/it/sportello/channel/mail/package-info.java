/**
 * The e-mail and PEC channel. Mailboxes are configuration ({@link
 * it.sportello.channel.mail.MailProperties}, {@code sportello.mail.*}); the {@link
 * it.sportello.channel.mail.MailPort} reads and sends through IMAP and SMTP; {@link
 * it.sportello.channel.mail.InboundMail} takes each message in exactly once (tickets through {@code
 * TicketIntake}, attachments through {@code Documents}, unreadable messages to a quarantine);
 * {@code pec} reads PEC envelopes and receipts.
 */
package it.sportello.channel.mail;
