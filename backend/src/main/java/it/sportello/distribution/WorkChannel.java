package it.sportello.distribution;

/** The kinds of work an operator's capacity is counted in. */
public enum WorkChannel {
  PHONE,
  CHAT,
  OFFLINE
}
