package it.sportello.presence;

/** What a worker is doing on an open ticket. */
public enum Activity {
  /** The page is open. */
  VIEWING,
  /** The reply box has the focus or holds text. */
  REPLYING
}
