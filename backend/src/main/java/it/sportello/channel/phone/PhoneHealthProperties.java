package it.sportello.channel.phone;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The telephony platform's health check.
 *
 * @param maxSilence longest time without a CTI event before the platform counts as degraded; null
 *     (the default): never, the last event is only reported
 */
@ConfigurationProperties("sportello.phone.health")
record PhoneHealthProperties(Duration maxSilence) {}
