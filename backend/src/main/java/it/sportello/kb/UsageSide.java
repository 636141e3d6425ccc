package it.sportello.kb;

/** Where a KB read, search or opinion came from. */
public enum UsageSide {
  /** An authenticated operator or office user: recorded with the user id. */
  INTERNAL,
  /** A citizen in self-service, without login: recorded without any personal data. */
  PUBLIC
}
