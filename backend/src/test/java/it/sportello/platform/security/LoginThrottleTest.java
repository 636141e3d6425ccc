package it.sportello.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

class LoginThrottleTest {

  private static final String ATTACKER = "203.0.113.66";
  private static final String OFFICE = "198.51.100.10";

  private final MutableClock clock = new MutableClock();
  private final LoginThrottle throttle =
      new LoginThrottle(
          new LoginThrottleProperties(
              5, 20, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(15), 1000),
          clock);
  private Instant now = Instant.parse("2026-12-01T09:00:00Z");

  @Test
  void afterFiveFailuresEachAttemptWaitsTwiceAsLongUpToTheCapNeverLonger() {
    clock.pin(now);
    List<Long> delays = new ArrayList<>();
    for (int failure = 1; failure <= 12; failure++) {
      assertThat(throttle.waitBefore(ATTACKER, "admin")).as("failure %s", failure).isEmpty();
      throttle.failed(ATTACKER, "admin");
      Duration wait = throttle.waitBefore(ATTACKER, "admin").orElse(Duration.ZERO);
      delays.add(wait.toSeconds());
      now = now.plus(wait);
      clock.pin(now);
    }

    assertThat(delays).containsExactly(0L, 0L, 0L, 0L, 1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);
  }

  @Test
  void theUserNameWaitsFromAnyAddressUntilTheDelayIsOverThenTheRightPasswordClearsIt() {
    clock.pin(now);
    for (int failure = 1; failure <= 7; failure++) {
      now = now.plus(throttle.waitBefore(ATTACKER, "Admin").orElse(Duration.ZERO));
      clock.pin(now);
      throttle.failed(ATTACKER, "Admin");
    }

    assertThat(throttle.waitBefore(OFFICE, "admin"))
        .as("user names are compared without case")
        .hasValue(Duration.ofSeconds(4));
    assertThat(throttle.waitBefore(OFFICE, "operator1")).as("other users go ahead").isEmpty();

    clock.pin(now.plusSeconds(4));
    assertThat(throttle.waitBefore(OFFICE, "admin")).isEmpty();
    throttle.succeeded(OFFICE, "admin");
    throttle.failed(OFFICE, "admin");
    assertThat(throttle.waitBefore(OFFICE, "admin"))
        .as("the success cleared the user's failures")
        .isEmpty();
  }

  @Test
  void oneAddressTryingManyUserNamesIsSlowedDownAfterTwentyFailures() {
    clock.pin(now);
    for (int user = 1; user <= 20; user++) {
      throttle.failed(ATTACKER, "user" + user);
    }

    assertThat(throttle.waitBefore(ATTACKER, "someone-else")).hasValue(Duration.ofSeconds(1));
    assertThat(throttle.waitBefore(OFFICE, "someone-else")).isEmpty();
  }

  @Test
  void failuresAreForgottenAfterAQuarterOfAnHour() {
    clock.pin(now);
    for (int failure = 1; failure <= 5; failure++) {
      throttle.failed(ATTACKER, "auditor");
    }
    assertThat(throttle.waitBefore(ATTACKER, "auditor")).isPresent();

    clock.pin(now.plus(Duration.ofMinutes(16)));
    throttle.failed(ATTACKER, "auditor");

    assertThat(throttle.waitBefore(ATTACKER, "auditor")).isEmpty();
  }

  @Test
  void theGuardRefusesWithoutCheckingThePasswordWhileTheCallerMustWait() {
    clock.pin(now);
    AtomicInteger checks = new AtomicInteger();
    UsernamePasswordAuthenticationToken attempt =
        UsernamePasswordAuthenticationToken.unauthenticated("manager1", "wrong");
    for (int failure = 1; failure <= 5; failure++) {
      assertThatThrownBy(
              () ->
                  throttle.guard(
                      attempt,
                      () -> {
                        checks.incrementAndGet();
                        throw new BadCredentialsException("Bad credentials");
                      }))
          .isInstanceOf(BadCredentialsException.class);
    }

    assertThatThrownBy(() -> throttle.guard(attempt, () -> attempt))
        .isInstanceOfSatisfying(
            LoginThrottledException.class,
            throttled -> assertThat(throttled.retryAfterSeconds()).isEqualTo(1));
    assertThat(checks).hasValue(5);
  }
}
