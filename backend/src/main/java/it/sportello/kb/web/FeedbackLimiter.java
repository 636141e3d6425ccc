package it.sportello.kb.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Keeps anonymous opinions from flooding the usage log: at most {@value #PER_WINDOW} per client
 * address per minute (fixed windows, in memory: one instance is enough for this purpose). Behind a
 * reverse proxy the client address must come from its forwarded headers ({@code
 * server.forward-headers-strategy}), else all citizens share the proxy's allowance.
 */
@Component
class FeedbackLimiter {

  static final int PER_WINDOW = 20;
  static final Duration WINDOW = Duration.ofMinutes(1);
  private static final int MAX_CLIENTS = 10_000;

  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  FeedbackLimiter(Clock clock) {
    this.clock = clock;
  }

  private record Window(long start, int count) {}

  /** Whether this client may send one more opinion now (and counts it). */
  boolean allow(String client) {
    long now = clock.millis();
    if (windows.size() > MAX_CLIENTS) {
      windows.values().removeIf(window -> now - window.start() >= WINDOW.toMillis());
    }
    Window window =
        windows.compute(
            client == null ? "" : client,
            (key, current) ->
                current == null || now - current.start() >= WINDOW.toMillis()
                    ? new Window(now, 1)
                    : new Window(current.start(), current.count() + 1));
    return window.count() <= PER_WINDOW;
  }
}
