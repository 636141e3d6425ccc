package it.sportello.chat;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client address of its own for each test (sent as {@code X-Forwarded-For}): the public chat and
 * survey endpoints are rate-limited per address, and with the tests' pinned clock a window never
 * ends, so tests sharing one address would use up each other's allowance.
 */
public final class ClientAddresses {

  private static final AtomicInteger NEXT =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 60_000));

  private ClientAddresses() {}

  /** An address of the benchmarking range 198.18.0.0/15, a new one at each call. */
  public static String next() {
    int n = NEXT.getAndIncrement() % 65_000;
    return "198.19." + (n / 250) + "." + (n % 250 + 1);
  }
}
