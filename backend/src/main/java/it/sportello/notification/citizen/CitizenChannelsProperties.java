package it.sportello.notification.citizen;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The citizens' message channels besides mail ({@code sportello.notifications.citizen-channels}):
 * App IO and SMS, both off by default.
 *
 * @param maxAttempts failed attempts after which a message is quarantined (status FAILED)
 * @param every how often the dispatcher looks for pending messages
 * @param backoff the wait after a first failure, doubled after each further one
 * @param backoffMax the longest wait between two tries
 */
@Validated
@ConfigurationProperties("sportello.notifications.citizen-channels")
record CitizenChannelsProperties(
    @NotNull @DefaultValue AppIo appIo,
    @NotNull @DefaultValue Sms sms,
    @Min(1) @DefaultValue("5") int maxAttempts,
    @NotNull @DefaultValue("PT1M") Duration every,
    @NotNull @DefaultValue("PT10S") Duration timeout,
    @NotNull @DefaultValue("PT1M") Duration backoff,
    @NotNull @DefaultValue("PT1H") Duration backoffMax) {

  /**
   * App IO's messaging API (the service's API key in the {@code Ocp-Apim-Subscription-Key} header).
   */
  record AppIo(
      @DefaultValue("false") boolean enabled,
      @NotNull @DefaultValue("https://api.io.pagopa.it") URI baseUrl,
      String apiKey) {}

  /**
   * An HTTP SMS gateway: a JSON POST {@code {"to", "from", "text", "reference"}} to {@code url},
   * with {@code Authorization: Bearer <token>} when a token is given; any 2xx is delivered.
   */
  record Sms(@DefaultValue("false") boolean enabled, URI url, String token, String sender) {}
}
