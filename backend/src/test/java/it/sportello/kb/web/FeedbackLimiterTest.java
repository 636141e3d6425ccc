package it.sportello.kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedbackLimiterTest {

  private final MutableClock clock = new MutableClock();
  private final FeedbackLimiter limiter = new FeedbackLimiter(clock);

  @Test
  void anAddressGetsItsAllowanceEachMinuteOthersTheirOwn() {
    clock.pin(Instant.parse("2026-11-30T10:00:00Z"));
    for (int i = 0; i < FeedbackLimiter.PER_WINDOW; i++) {
      assertThat(limiter.allow("192.0.2.1")).as("opinion %s", i + 1).isTrue();
    }
    assertThat(limiter.allow("192.0.2.1")).isFalse();
    assertThat(limiter.allow("192.0.2.2")).isTrue();

    clock.pin(Instant.parse("2026-11-30T10:00:59Z"));
    assertThat(limiter.allow("192.0.2.1")).isFalse();
    clock.pin(Instant.parse("2026-11-30T10:01:00Z"));
    assertThat(limiter.allow("192.0.2.1")).isTrue();
  }
}
