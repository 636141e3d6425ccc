package it.sportello.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A bearer token's signature is checked once until it expires; refused tokens are never kept. */
class VerifiedTokensTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  private final AtomicInteger checks = new AtomicInteger();
  private final AtomicLong nanos = new AtomicLong();

  private JwtDecoder decoder(Instant expiresAt) {
    JwtDecoder signatureCheck =
        token -> {
          checks.incrementAndGet();
          if (token.startsWith("bad")) {
            throw new BadJwtException("signature");
          }
          return Jwt.withTokenValue(token)
              .header("alg", "RS256")
              .subject("api-client")
              .issuedAt(NOW.minusSeconds(10))
              .expiresAt(expiresAt)
              .build();
        };
    return new VerifiedTokens.CachingDecoder(
        signatureCheck, Clock.fixed(NOW, ZoneOffset.UTC), nanos::get);
  }

  @Test
  void theSameTokenIsCheckedOnce() {
    JwtDecoder decoder = decoder(NOW.plus(Duration.ofHours(1)));
    Jwt first = decoder.decode("token-a");
    Jwt second = decoder.decode("token-a");
    decoder.decode("token-b");
    assertThat(second).isSameAs(first);
    assertThat(checks).hasValue(2);
  }

  @Test
  void aKeptTokenIsCheckedAgainAfterTheLongestKeep() {
    JwtDecoder decoder = decoder(NOW.plus(Duration.ofHours(1)));
    decoder.decode("token-a");
    nanos.addAndGet(VerifiedTokens.MAX_AGE.plusSeconds(1).toNanos());
    decoder.decode("token-a");
    assertThat(checks).hasValue(2);
  }

  @Test
  void aTokenIsNotKeptPastItsExpiry() {
    JwtDecoder decoder = decoder(NOW.plusSeconds(30));
    decoder.decode("token-a");
    nanos.addAndGet(Duration.ofSeconds(31).toNanos());
    decoder.decode("token-a");
    assertThat(checks).hasValue(2);
  }

  @Test
  void aRefusedTokenIsRefusedEveryTime() {
    JwtDecoder decoder = decoder(NOW.plus(Duration.ofHours(1)));
    assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);
    assertThat(checks).hasValue(2);
  }
}
