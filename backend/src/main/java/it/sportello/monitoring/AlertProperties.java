package it.sportello.monitoring;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outage and degradation alerts.
 *
 * @param schedule check on a schedule (tests check explicitly)
 * @param checkInterval how often every dependency is checked
 * @param graceChecks how many checks in a row must agree before a change is announced: with 2 and a
 *     1-minute interval, an outage is told within 2 to 3 minutes (the contract allows 10), and a
 *     blip of one failed check is never told
 * @param contacts e-mail addresses told of every change (SPORTELLO_ALERTS_CONTACTS,
 *     comma-separated)
 * @param ignored health indicators not watched ({@code ping} answers always)
 */
@Validated
@ConfigurationProperties("sportello.alerts")
public record AlertProperties(
    @DefaultValue("true") boolean schedule,
    @DefaultValue("1m") Duration checkInterval,
    @Min(1) @DefaultValue("2") int graceChecks,
    @DefaultValue List<String> contacts,
    @DefaultValue("ping") List<String> ignored) {}
