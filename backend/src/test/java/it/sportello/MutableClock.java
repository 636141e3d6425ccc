package it.sportello;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The application's clock in integration tests: the real time, unless a test pins it. */
public class MutableClock extends Clock {

  private final AtomicReference<Instant> pinned = new AtomicReference<>();

  public void pin(Instant instant) {
    pinned.set(instant);
  }

  public void release() {
    pinned.set(null);
  }

  @Override
  public Instant instant() {
    Instant instant = pinned.get();
    return instant != null ? instant : Clock.tickMillis(ZoneOffset.UTC).instant();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
