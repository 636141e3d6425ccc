package it.sportello.document;

/** What a document can belong to; the owner id is that record's id. */
public enum OwnerKind {
  INTERACTION,
  TICKET
}
