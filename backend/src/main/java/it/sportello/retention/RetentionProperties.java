package it.sportello.retention;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sportello.retention.*}: the nightly job (cron in the service calendar's zone, batch size,
 * how many batches per kind in one run, the lease that keeps other nodes out) and the period of
 * each kind of data ({@code periods.<kind>}, e.g. {@code closed-tickets: 3650d}).
 *
 * @param enabled whether the nightly job runs (the report and the manual run work regardless)
 * @param cron when the job runs (6-field cron)
 * @param batchSize items per transaction
 * @param maxBatchesPerKind a run stops a kind after this many batches; the next run goes on
 * @param lease how long a node holds the job before another may take it (longer than a run)
 * @param periods the retention period per kind
 * @param processHistoryDays the engine history's period per process key, overriding the model's
 *     {@code historyTimeToLive} (empty: the models' own)
 */
@Validated
@ConfigurationProperties("sportello.retention")
public record RetentionProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("0 0 2 * * *") String cron,
    @DefaultValue("500") @Min(1) @Max(10000) int batchSize,
    @DefaultValue("1000") @Min(1) int maxBatchesPerKind,
    @DefaultValue("PT3H") Duration lease,
    @NotNull @DefaultValue Map<String, Duration> periods,
    @NotNull @DefaultValue Map<String, @Min(1) Integer> processHistoryDays) {}
