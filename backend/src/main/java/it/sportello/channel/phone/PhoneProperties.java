package it.sportello.channel.phone;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sportello.phone.*}: the CTI webhook's shared secret ({@code
 * SPORTELLO_PHONE_WEBHOOK_SECRET}; without it the webhook refuses every event) and how old a signed
 * event may be (how long recordings are kept: {@code sportello.retention.periods.recordings}); the
 * call-back attempts; the Asterisk server, if any.
 */
@Validated
@ConfigurationProperties("sportello.phone")
public record PhoneProperties(
    @Valid @NotNull @DefaultValue Webhook webhook,
    @Valid @NotNull @DefaultValue Callback callback,
    @Valid @NotNull @DefaultValue Asterisk asterisk) {

  /**
   * @param secret HMAC-SHA256 key shared with the telephony platform
   * @param tolerance events signed longer ago (or further in the future) are refused
   */
  public record Webhook(String secret, @DefaultValue("5m") Duration tolerance) {}

  /**
   * @param maxAttempts attempts before a call-back gives up
   * @param retryDelay wait between two attempts
   * @param dueIn the operator's task is due this long after it appears
   */
  public record Callback(
      @DefaultValue("3") @Min(1) int maxAttempts,
      @DefaultValue("PT1H") Duration retryDelay,
      @DefaultValue("PT4H") Duration dueIn) {}

  /**
   * Asterisk's REST interface (ARI); the driver is on when {@code url} is set.
   *
   * @param url e.g. {@code http://pbx:8088}
   * @param endpoint the dialled endpoint, {@code {number}} replaced, e.g. {@code
   *     PJSIP/{number}@trunk}
   * @param app the Stasis application receiving the calls' events
   * @param context dialplan context the answered call continues in (the agent's extension)
   */
  public record Asterisk(
      String url,
      String user,
      String password,
      @DefaultValue("PJSIP/{number}@trunk") String endpoint,
      @DefaultValue("sportello") String app,
      @DefaultValue("agents") String context,
      @DefaultValue("+390000000000") String callerId) {

    public boolean enabled() {
      return url != null && !url.isBlank();
    }
  }
}
