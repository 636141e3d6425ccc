package it.sportello.platform.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login attempt refused without checking the password: too many failures, wait. */
public class LoginThrottledException extends AuthenticationException {

  private final transient Duration retryAfter;

  public LoginThrottledException(Duration retryAfter) {
    super("Too many failed logins; try again in " + seconds(retryAfter) + " s.");
    this.retryAfter = retryAfter;
  }

  /** Whole seconds, rounded up (the value of {@code Retry-After}). */
  public long retryAfterSeconds() {
    return seconds(retryAfter);
  }

  static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
