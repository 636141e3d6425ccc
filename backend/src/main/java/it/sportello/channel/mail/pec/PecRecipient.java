package it.sportello.channel.mail.pec;

/**
 * A recipient named in the certification data.
 *
 * @param certified a PEC mailbox ({@code tipo="certificato"}), else an ordinary one ({@code
 *     esterno})
 */
public record PecRecipient(String address, boolean certified) {}
