package it.sportello.channel.phone.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The CTI webhook's authentication: {@code X-Sportello-Signature: sha256=<hex>} is the HMAC-SHA256,
 * keyed with the shared secret, of {@code <X-Sportello-Timestamp>.<body>} where the timestamp is in
 * Unix seconds; a timestamp further than the tolerance from now is refused, so that a captured
 * request cannot be replayed later (within the tolerance the event id makes a replay harmless).
 */
final class WebhookSignature {

  static final String TIMESTAMP_HEADER = "X-Sportello-Timestamp";
  static final String SIGNATURE_HEADER = "X-Sportello-Signature";
  private static final String PREFIX = "sha256=";

  private final byte[] secret;
  private final Duration tolerance;

  WebhookSignature(String secret, Duration tolerance) {
    this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    this.tolerance = tolerance;
  }

  /**
   * @throws Refused saying why (for the problem details; never the expected signature)
   */
  void verify(String timestamp, String signature, byte[] body, Instant now) {
    if (secret == null || secret.length == 0) {
      throw new Refused("The webhook is not configured (no shared secret).");
    }
    if (timestamp == null || signature == null) {
      throw new Refused(
          "The headers " + TIMESTAMP_HEADER + " and " + SIGNATURE_HEADER + " are required.");
    }
    Instant signedAt;
    try {
      signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      throw new Refused(TIMESTAMP_HEADER + " must be Unix seconds.");
    }
    if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
      throw new Refused("The request was signed too long ago (or in the future): replay refused.");
    }
    String given = signature.strip().toLowerCase(Locale.ROOT);
    if (given.startsWith(PREFIX)) {
      given = given.substring(PREFIX.length());
    }
    byte[] expected = sign(timestamp.strip(), body);
    byte[] actual;
    try {
      actual = HexFormat.of().parseHex(given);
    } catch (IllegalArgumentException e) {
      throw new Refused("The signature is not valid.");
    }
    if (!MessageDigest.isEqual(expected, actual)) {
      throw new Refused("The signature is not valid.");
    }
  }

  byte[] sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }
}
