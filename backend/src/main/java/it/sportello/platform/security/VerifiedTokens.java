package it.sportello.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Bearer tokens checked once: an API client sends the same token with every request until it
 * expires, and its signature check (RSA) and claim validation were repeated each time (issue 26: a
 * bearer request cost more CPU than a Basic one). The decoder Spring Boot configures ({@code
 * spring.security.oauth2.resourceserver.jwt.*}) is wrapped: a token it accepted is kept, by its
 * SHA-256, until its {@code exp} or {@link #MAX_AGE}, whichever comes first; a token it refused is
 * never kept (refused again, at full cost). A token is self-contained: keeping it changes nothing
 * of what it grants, only when its signature is checked.
 */
@Configuration(proxyBeanMethods = false)
class VerifiedTokens {

  /** The longest a verified token is kept, whatever its expiry. */
  static final Duration MAX_AGE = Duration.ofMinutes(5);

  /** Tokens kept at most (about 1 KB each). */
  static final long MAX_TOKENS = 10_000;

  @Bean
  static BeanPostProcessor verifiedTokensDecoder() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof JwtDecoder decoder && !(bean instanceof CachingDecoder)
            ? new CachingDecoder(decoder, Clock.systemUTC(), Ticker.systemTicker())
            : bean;
      }
    };
  }

  /** The wrapped decoder, with the tokens it accepted. */
  static final class CachingDecoder implements JwtDecoder {

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> accepted;

    CachingDecoder(JwtDecoder decoder, Clock clock, Ticker ticker) {
      this.decoder = decoder;
      this.clock = clock;
      this.accepted =
          Caffeine.newBuilder()
              .maximumSize(MAX_TOKENS)
              .ticker(ticker)
              .expireAfter(
                  new Expiry<String, Jwt>() {
                    @Override
                    public long expireAfterCreate(String key, Jwt jwt, long currentTime) {
                      return keepFor(jwt).toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(
                        String key, Jwt jwt, long currentTime, long currentDuration) {
                      return keepFor(jwt).toNanos();
                    }

                    @Override
                    public long expireAfterRead(
                        String key, Jwt jwt, long currentTime, long currentDuration) {
                      return currentDuration;
                    }
                  })
              .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
      String key = sha256(token);
      Jwt known = accepted.getIfPresent(key);
      if (known != null && stillValid(known)) {
        return known;
      }
      Jwt jwt = decoder.decode(token);
      if (!keepFor(jwt).isZero()) {
        accepted.put(key, jwt);
      }
      return jwt;
    }

    /** Until the token expires, at most {@link #MAX_AGE}; not at all without time left. */
    private Duration keepFor(Jwt jwt) {
      Instant expires = jwt.getExpiresAt();
      if (expires == null) {
        return MAX_AGE;
      }
      Duration left = Duration.between(clock.instant(), expires);
      if (left.isNegative()) {
        return Duration.ZERO;
      }
      return left.compareTo(MAX_AGE) < 0 ? left : MAX_AGE;
    }

    private boolean stillValid(Jwt jwt) {
      return jwt.getExpiresAt() == null || clock.instant().isBefore(jwt.getExpiresAt());
    }

    private static String sha256(String token) {
      try {
        return Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
