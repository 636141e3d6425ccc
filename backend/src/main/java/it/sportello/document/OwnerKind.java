package it.sportello.document;

/** What a document can belong to; the owner id is that record's id. */
public enum OwnerKind {
  INTERACTION,
  TICKET,
  /** A step of a ticket's path: the reply or the internal note a file was attached to. */
  TICKET_EVENT
}
