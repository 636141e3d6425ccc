package it.sportello.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code requests} per client address in fixed windows of {@code per} (from the client's
 * first request), in memory: bounded in size, forgotten when the window is over. One per limit.
 */
final class ClientRateLimiter {

  private static final int MAX_CLIENTS = 100_000;

  private final int requests;
  private final Duration per;
  private final Clock clock;
  private final Cache<String, Window> windows;

  ClientRateLimiter(int requests, Duration per, Clock clock) {
    this.requests = requests;
    this.per = per;
    this.clock = clock;
    this.windows =
        Caffeine.newBuilder()
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .expireAfterWrite(per)
            .maximumSize(MAX_CLIENTS)
            .build();
  }

  private record Window(long start, int count) {}

  /** Counts one request of the client: empty if allowed, else how long until the next window. */
  Optional<Duration> acquire(String client) {
    long now = clock.millis();
    Window window =
        windows
            .asMap()
            .compute(
                client == null ? "" : client,
                (key, current) ->
                    current == null || now - current.start() >= per.toMillis()
                        ? new Window(now, 1)
                        : new Window(current.start(), current.count() + 1));
    return window.count() <= requests
        ? Optional.empty()
        : Optional.of(Duration.ofMillis(window.start() + per.toMillis() - now));
  }
}
