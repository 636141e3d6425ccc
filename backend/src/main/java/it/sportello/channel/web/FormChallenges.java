package it.sportello.channel.web;

import it.sportello.shared.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The time-based challenge of the public form, without third parties: the form fetches a signed
 * token ({@code <nonce>.<issued-at millis>.<HMAC-SHA256>}) when it opens and sends it with the
 * request. A token is accepted once, no sooner than {@code challengeMinAge} after it was issued
 * (people take longer to fill a form than a script does) and no later than {@code challengeMaxAge};
 * the nonces spent are kept in the database, so a token is spent on every node.
 */
@Component
class FormChallenges {

  static final String FIELD = "challenge";
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  private final WebRequestProperties properties;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final SecretKeySpec key;

  FormChallenges(WebRequestProperties properties, JdbcClient jdbc, Clock clock) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.clock = clock;
    byte[] secret;
    if (properties.challengeSecret() == null || properties.challengeSecret().isBlank()) {
      secret = new byte[32];
      random.nextBytes(secret);
    } else {
      secret = properties.challengeSecret().getBytes(StandardCharsets.UTF_8);
    }
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  record Challenge(String token, Instant usableFrom, Instant expiresAt) {}

  Challenge issue() {
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    Instant now = clock.instant();
    String payload = HexFormat.of().formatHex(nonce) + "." + now.toEpochMilli();
    return new Challenge(
        payload + "." + sign(payload),
        now.plus(properties.challengeMinAge()),
        now.plus(properties.challengeMaxAge()));
  }

  /**
   * Checks the token and spends it, in the caller's transaction (a refused request spends nothing).
   *
   * @throws InvalidRequestException naming the field {@value #FIELD}
   */
  void spend(String token) {
    if (token == null || token.isBlank()) {
      throw refused("is required: fetch one from GET /api/public/requests/challenge");
    }
    String[] parts = token.split("\\.");
    if (parts.length != 3 || parts[0].length() != 32 || parts[1].length() > 15) {
      throw refused("is not a valid challenge");
    }
    String payload = parts[0] + "." + parts[1];
    if (!MessageDigest.isEqual(
        sign(payload).getBytes(StandardCharsets.US_ASCII),
        parts[2].getBytes(StandardCharsets.US_ASCII))) {
      throw refused("is not a valid challenge");
    }
    Instant issued;
    try {
      issued = Instant.ofEpochMilli(Long.parseLong(parts[1]));
    } catch (NumberFormatException e) {
      throw refused("is not a valid challenge");
    }
    Instant now = clock.instant();
    if (now.isBefore(issued.plus(properties.challengeMinAge()))) {
      throw refused("was sent too soon after the form opened; wait a moment and send again");
    }
    if (now.isAfter(issued.plus(properties.challengeMaxAge()))) {
      throw refused("has expired: reload the form");
    }
    int spent =
        jdbc.sql(
                "insert into sportello.web_form_challenge_use (nonce, used_at) values (?, ?)"
                    + " on conflict (nonce) do nothing")
            .params(parts[0], Timestamp.from(now))
            .update();
    if (spent == 0) {
      throw refused("was already used: reload the form");
    }
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return BASE64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }

  private static InvalidRequestException refused(String message) {
    return new InvalidRequestException(FIELD, message);
  }
}
