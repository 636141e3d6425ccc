package it.sportello.channel.mail;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sportello.mail.reconciliation.*}: the daily comparison of what the mail servers hold with
 * what we recorded ({@link MailReconciliation}).
 *
 * @param cron when it runs (Spring cron, six fields, in the application's time zone); {@code -}
 *     turns it off. It runs only where mailboxes are polled ({@code
 *     sportello.mail.polling.enabled})
 * @param lookback how far back the servers' messages are looked at (by the date they arrived)
 * @param grace messages younger than this are not reported: the next poll takes them in
 */
@Validated
@ConfigurationProperties("sportello.mail.reconciliation")
public record MailReconciliationProperties(
    @NotNull @DefaultValue("0 30 6 * * *") String cron,
    @NotNull @DefaultValue("P30D") Duration lookback,
    @NotNull @DefaultValue("PT1H") Duration grace) {}
