package it.sportello.platform.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounded concurrency on the request path ({@code sportello.web.overload}): at most {@code
 * maxConcurrent} requests to {@code paths} run at once, at most {@code queue} more wait up to
 * {@code maxWait} for a turn; any further request is refused at once with 503 problem details and
 * {@code Retry-After}. Past its capacity the service then keeps serving at capacity instead of
 * letting every request wait for a database connection (issue 26). Health, metrics and static files
 * are not in {@code paths}: they answer while the service is saturated.
 *
 * @param enabled limit at all
 * @param maxConcurrent requests running at once; keep it at or below the database pool's size minus
 *     the job executor's threads, so that a running request never waits long for a connection
 * @param queue requests that may wait for a turn; beyond them: refused without waiting
 * @param maxWait how long a request waits for a turn before it is refused
 * @param retryAfter the {@code Retry-After} of a refusal
 * @param paths the limited paths (path patterns)
 */
@Validated
@ConfigurationProperties("sportello.web.overload")
public record OverloadProperties(
    @DefaultValue("true") boolean enabled,
    @Min(1) @DefaultValue("12") int maxConcurrent,
    @Min(0) @DefaultValue("24") int queue,
    @NotNull @DefaultValue("500ms") Duration maxWait,
    @NotNull @DefaultValue("1s") Duration retryAfter,
    @NotNull @DefaultValue({"/api/**", "/engine-rest/**", "/camunda/api/**"}) List<String> paths) {}
