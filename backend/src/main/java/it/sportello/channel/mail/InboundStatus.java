package it.sportello.channel.mail;

/** What became of a message taken from a mailbox. */
public enum InboundStatus {
  /** Opened a ticket or was added to one. */
  PROCESSED,
  /** Written by a machine, from our own mailbox, or a PEC receipt: no ticket. */
  IGNORED,
  /** Could not be read: kept with its bytes and the reason, for a supervisor to look at. */
  QUARANTINED
}
