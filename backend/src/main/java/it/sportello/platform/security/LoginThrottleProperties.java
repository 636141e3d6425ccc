package it.sportello.platform.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Growing delays after failed logins, per client address and per user name; never a permanent lock.
 *
 * @param freeFailuresPerUser failed passwords for one user name before the delays start
 * @param freeFailuresPerAddress failed passwords from one client address (any user names) before
 *     the delays start: higher, since an office behind one address holds many users
 * @param firstDelay the first delay; each further failure doubles it
 * @param maxDelay the longest delay: an account is never locked for longer
 * @param forgetAfter failures older than this are forgotten
 * @param maxTracked how many addresses and user names are remembered at most
 */
@Validated
@ConfigurationProperties("sportello.security.login-throttle")
public record LoginThrottleProperties(
    @Min(1) @DefaultValue("5") int freeFailuresPerUser,
    @Min(1) @DefaultValue("20") int freeFailuresPerAddress,
    @NotNull @DefaultValue("1s") Duration firstDelay,
    @NotNull @DefaultValue("60s") Duration maxDelay,
    @NotNull @DefaultValue("15m") Duration forgetAfter,
    @Min(100) @DefaultValue("100000") int maxTracked) {}
