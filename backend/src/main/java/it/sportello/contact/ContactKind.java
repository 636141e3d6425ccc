package it.sportello.contact;

/** Who a contact is: a citizen, a business or other organisation, a public administration. */
public enum ContactKind {
  PERSON,
  ORGANISATION,
  ADMINISTRATION
}
