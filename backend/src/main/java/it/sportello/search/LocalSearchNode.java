package it.sportello.search;

/**
 * A search node the application runs itself (the embedded one in {@code search.embedded}): the
 * engine talks to its address and starts it on first use. The interface lives here and the node
 * beside it implements it, so that the search module's root never depends on its sub-packages.
 */
public interface LocalSearchNode {

  /** The node's HTTP address. */
  String url();

  /** Starts the node if it is not running (idempotent). */
  void start();

  /** Whether {@link #start()} was called (the health check does not start a node on its own). */
  default boolean started() {
    return true;
  }
}
