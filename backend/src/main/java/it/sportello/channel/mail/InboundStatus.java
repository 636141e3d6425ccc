package it.sportello.channel.mail;

/** What became of a message taken from a mailbox. */
public enum InboundStatus {
  /** Opened a ticket or was added to one. */
  PROCESSED,
  /** Written by a machine, from our own mailbox, or a PEC receipt: no ticket. */
  IGNORED,
  /**
   * Could not be read or stored: kept with its bytes and the reason, for a supervisor to look at;
   * without bytes (a minimal row) when even they could not be stored, or when the message was given
   * up after too many interrupted attempts.
   */
  QUARANTINED,
  /**
   * A delivery of a Message-ID seen before, pointing at the first message: identical (nothing else
   * done), or with a different content (then also taken in as a message of its own).
   */
  DUPLICATE,
  /**
   * Being taken in. A row left so was interrupted (the application stopped or failed): the next
   * fetch counts another attempt, up to the configured maximum.
   */
  RECEIVING
}
