package it.sportello.channel.phone.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
  private final WebhookSignature signature = new WebhookSignature("s3cret", Duration.ofMinutes(5));
  private final byte[] body = "{\"eventId\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);

  private String signed(String timestamp, byte[] content) {
    return "sha256=" + HexFormat.of().formatHex(signature.sign(timestamp, content));
  }

  @Test
  void aFreshCorrectSignatureIsAccepted() {
    String timestamp = String.valueOf(NOW.minusSeconds(299).getEpochSecond());
    assertThatCode(() -> signature.verify(timestamp, signed(timestamp, body), body, NOW))
        .doesNotThrowAnyException();
    // without the prefix, in upper case
    String bare = HexFormat.of().withUpperCase().formatHex(signature.sign(timestamp, body));
    assertThatCode(() -> signature.verify(timestamp, bare, body, NOW)).doesNotThrowAnyException();
  }

  @Test
  void aSignatureOfAnotherBodyOrTimestampIsRefused() {
    String timestamp = String.valueOf(NOW.getEpochSecond());
    byte[] other = "{\"eventId\":\"e-2\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> signature.verify(timestamp, signed(timestamp, other), body, NOW))
        .isInstanceOf(WebhookSignature.Refused.class);
    String earlier = String.valueOf(NOW.getEpochSecond() - 1);
    assertThatThrownBy(() -> signature.verify(timestamp, signed(earlier, body), body, NOW))
        .isInstanceOf(WebhookSignature.Refused.class);
    assertThatThrownBy(() -> signature.verify(timestamp, "sha256=zz", body, NOW))
        .isInstanceOf(WebhookSignature.Refused.class);
  }

  @Test
  void oldOrFutureTimestampsAreRefusedEvenWhenSigned() {
    String old = String.valueOf(NOW.minusSeconds(301).getEpochSecond());
    assertThatThrownBy(() -> signature.verify(old, signed(old, body), body, NOW))
        .isInstanceOf(WebhookSignature.Refused.class)
        .hasMessageContaining("replay");
    String future = String.valueOf(NOW.plusSeconds(301).getEpochSecond());
    assertThatThrownBy(() -> signature.verify(future, signed(future, body), body, NOW))
        .isInstanceOf(WebhookSignature.Refused.class);
    assertThatThrownBy(() -> signature.verify("yesterday", "sha256=00", body, NOW))
        .isInstanceOf(WebhookSignature.Refused.class);
  }

  @Test
  void withoutASecretEverythingIsRefused() {
    WebhookSignature unconfigured = new WebhookSignature("", Duration.ofMinutes(5));
    String timestamp = String.valueOf(NOW.getEpochSecond());
    assertThatThrownBy(() -> unconfigured.verify(timestamp, "sha256=00", body, NOW))
        .isInstanceOf(WebhookSignature.Refused.class)
        .hasMessageContaining("not configured");
  }
}
