package it.sportello.distribution;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Work distribution's settings ({@code sportello.distribution.*}).
 *
 * @param scheduleRounds whether every node makes offer rounds on the PUSH queues every {@code
 *     round-interval} (tests make them explicitly)
 */
@ConfigurationProperties("sportello.distribution")
public record DistributionProperties(@DefaultValue("true") boolean scheduleRounds) {}
