package it.sportello.channel.mail;

/** An ordinary mailbox or a PEC (certified) one. */
public enum MailboxKind {
  ORDINARY,
  PEC
}
