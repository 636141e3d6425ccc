package it.sportello.ticket.application;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sportello.intake.*}: how far from our clock an instant reported by a caller may lie (see
 * {@link ReportedTimes}).
 *
 * @param maxReportedAge how far in the past (a contact kept for days in a voicemail box or an
 *     outage queue is fine; a year is not)
 * @param maxClockSkew how far ahead: client clocks drift a little
 */
@Validated
@ConfigurationProperties("sportello.intake")
public record IntakeProperties(
    @NotNull @DefaultValue("P365D") Duration maxReportedAge,
    @NotNull @DefaultValue("PT2M") Duration maxClockSkew) {}
