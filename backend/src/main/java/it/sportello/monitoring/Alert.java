package it.sportello.monitoring;

import java.time.Instant;

/**
 * A dependency changed state: told once, under {@code key}.
 *
 * @param dependency the health indicator's path, e.g. {@code db}, {@code search}, {@code
 *     mailboxes/demo}
 * @param status {@code DOWN}, {@code DEGRADED} or {@code UP} (a recovery)
 * @param previous the state before
 * @param since when the first check saw the new state
 * @param details what the indicator said (no personal data: indicators mask addresses)
 * @param key the dedup key: the dependency and the number of the recorded change
 */
public record Alert(
    String dependency, String status, String previous, Instant since, String details, String key) {

  public boolean recovery() {
    return "UP".equals(status);
  }
}
