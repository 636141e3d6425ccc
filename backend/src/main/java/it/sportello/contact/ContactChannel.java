package it.sportello.contact;

/** How a contact prefers to hear from the administration. */
public enum ContactChannel {
  EMAIL,
  PEC,
  PHONE,
  POST,
  WEB
}
