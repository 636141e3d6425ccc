package it.sportello.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The account Prometheus scrapes {@code /actuator/prometheus} with (HTTP Basic).
 *
 * @param username the scrape account's name
 * @param password its password (SPORTELLO_METRICS_SCRAPE_PASSWORD); empty: nobody may scrape
 */
@ConfigurationProperties("sportello.metrics.scrape")
public record MetricsScrapeProperties(
    @DefaultValue("prometheus") String username, @DefaultValue("") String password) {}
