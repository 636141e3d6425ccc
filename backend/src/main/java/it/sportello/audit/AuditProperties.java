package it.sportello.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail's settings ({@code sportello.audit.*}).
 *
 * @param enabled whether anything is recorded (off only to measure the audit's cost)
 * @param verifyCron when the nightly verification of the chain runs, in the service calendar's zone
 */
@ConfigurationProperties("sportello.audit")
public record AuditProperties(
    @DefaultValue("true") boolean enabled, @DefaultValue("0 15 3 * * *") String verifyCron) {}
