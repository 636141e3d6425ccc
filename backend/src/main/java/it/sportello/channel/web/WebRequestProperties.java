package it.sportello.channel.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sportello.web-requests.*}: the public request form.
 *
 * @param challengeMinAge how long a form challenge must have existed before it may be used: a
 *     person reads and fills the form for longer, a script posting at once is refused
 * @param challengeMaxAge how long a challenge stays usable (a form left open longer asks again)
 * @param challengeSecret the HMAC key that signs challenges; the same on every node. Blank: a
 *     random key per start (one node, or challenges issued before a restart fail)
 * @param publicBaseUrl where citizens reach the web application: the tracking link in the mail is
 *     {@code <publicBaseUrl>/self-service/requests/<token>}
 */
@Validated
@ConfigurationProperties("sportello.web-requests")
record WebRequestProperties(
    @NotNull @DefaultValue("PT3S") Duration challengeMinAge,
    @NotNull @DefaultValue("PT2H") Duration challengeMaxAge,
    @DefaultValue("") String challengeSecret,
    @NotBlank @DefaultValue("http://localhost:8080") String publicBaseUrl) {}
