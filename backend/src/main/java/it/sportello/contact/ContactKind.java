package it.sportello.contact;

public enum ContactKind {
  PERSON,
  ORGANISATION
}
