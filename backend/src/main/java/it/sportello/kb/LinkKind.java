package it.sportello.kb;

/** What an article links to. */
public enum LinkKind {
  /** A web page (e.g. the administration's page on the service). */
  WEB,
  /** An office of the administration, by code. */
  OFFICE,
  /** Another article, by id. */
  ARTICLE
}
