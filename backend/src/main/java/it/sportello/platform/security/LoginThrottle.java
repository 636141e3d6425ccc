package it.sportello.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing on every login (HTTP Basic, the web application's session login,
 * Camunda's webapps): after {@code free-failures-per-user} failed passwords for a user name, or
 * {@code free-failures-per-address} from a client address, each further attempt must wait 1 s, 2 s,
 * 4 s … up to {@code max-delay}; an attempt during the wait is refused (429 with {@code
 * Retry-After}) without checking the password. Nothing is ever locked for longer than {@code
 * max-delay}: wrong passwords from an attacker cannot lock out {@code admin}. A success clears the
 * user name's failures; failures are forgotten after {@code forget-after}. In memory, per node.
 */
@Component
public class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
  private static final int MAX_KEY_LENGTH = 200;

  private final LoginThrottleProperties properties;
  private final Clock clock;
  private final Cache<String, Failures> failures;

  LoginThrottle(LoginThrottleProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    this.failures =
        Caffeine.newBuilder()
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .expireAfterWrite(properties.forgetAfter())
            .maximumSize(properties.maxTracked())
            .build();
  }

  private record Failures(int count, long blockedUntil) {}

  /**
   * Checks a password login unless its caller must wait, and counts the outcome: a {@link
   * BadCredentialsException} is a failure, a result a success. The client address comes from the
   * attempt's {@link WebAuthenticationDetails} (HTTP Basic sets them; the session login too).
   *
   * @throws LoginThrottledException without running the check while the caller must wait
   */
  public Authentication guard(Authentication attempt, Supplier<Authentication> check) {
    String address =
        attempt.getDetails() instanceof WebAuthenticationDetails details
            ? details.getRemoteAddress()
            : null;
    String user = attempt.getName();
    Optional<Duration> wait = waitBefore(address, user);
    if (wait.isPresent()) {
      throw new LoginThrottledException(wait.get());
    }
    try {
      Authentication authenticated = check.get();
      succeeded(address, user);
      return authenticated;
    } catch (BadCredentialsException e) {
      failed(address, user);
      throw e;
    }
  }

  /** How long the caller must still wait before this attempt; empty: it may go ahead. */
  public Optional<Duration> waitBefore(String address, String user) {
    long now = clock.millis();
    long until = Math.max(blockedUntil(addressKey(address), now), blockedUntil(userKey(user), now));
    return until > now ? Optional.of(Duration.ofMillis(until - now)) : Optional.empty();
  }

  /** Counts a wrong password for the user name from the address. */
  public void failed(String address, String user) {
    long now = clock.millis();
    record(addressKey(address), properties.freeFailuresPerAddress(), now);
    Failures forUser = record(userKey(user), properties.freeFailuresPerUser(), now);
    if (forUser.blockedUntil() > now) {
      log.warn(
          "Login of {} from {} failed {} times: next attempt in {} ms",
          shorten(user),
          address,
          forUser.count(),
          forUser.blockedUntil() - now);
    }
  }

  /** The right password: the user name's failures are forgotten (the address's are not). */
  public void succeeded(String address, String user) {
    failures.invalidate(userKey(user));
  }

  private Failures record(String key, int free, long now) {
    return failures
        .asMap()
        .compute(
            key,
            (k, current) -> {
              int count = current == null ? 1 : current.count() + 1;
              return new Failures(count, count < free ? 0 : now + delayMillis(count - free));
            });
  }

  /** first-delay × 2^n, at most max-delay. */
  private long delayMillis(int beyondFree) {
    long max = properties.maxDelay().toMillis();
    long first = properties.firstDelay().toMillis();
    if (beyondFree >= 62 || first << beyondFree >>> beyondFree != first) {
      return max;
    }
    return Math.min(first << beyondFree, max);
  }

  private long blockedUntil(String key, long now) {
    Failures current = failures.getIfPresent(key);
    return current == null ? 0 : current.blockedUntil();
  }

  private static String addressKey(String address) {
    return "address:" + (address == null ? "" : shorten(address));
  }

  private static String userKey(String user) {
    return "user:" + (user == null ? "" : shorten(user.strip().toLowerCase(Locale.ROOT)));
  }

  private static String shorten(String value) {
    return value == null || value.length() <= MAX_KEY_LENGTH
        ? value
        : value.substring(0, MAX_KEY_LENGTH);
  }
}
