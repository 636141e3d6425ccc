package it.sportello.ticket.domain;

/** The channel a contact arrived on. */
public enum Channel {
  PHONE,
  VOICEMAIL,
  EMAIL,
  PEC,
  WEB,
  CHAT,
  CHATBOT,
  API,
  FAX,
  SOCIAL
}
