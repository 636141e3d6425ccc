package it.sportello.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Requests a client address may make to the doors open without login ({@code
 * sportello.web.rate-limits}); beyond them 429 with {@code Retry-After}.
 *
 * @param rateLimits the limits; a request counts against every limit whose path and methods it
 *     matches
 */
@Validated
@ConfigurationProperties("sportello.web")
public record RateLimitProperties(@NotNull @DefaultValue List<@Valid RateLimit> rateLimits) {

  /**
   * @param name what the limit protects (in logs)
   * @param path a path pattern ({@code /api/public/kb/**}, {@code *} for one segment)
   * @param methods the HTTP methods counted; empty: all
   * @param requests how many requests per window and client address
   * @param per the window (fixed windows from the first request)
   */
  public record RateLimit(
      @NotBlank String name,
      @NotBlank String path,
      @NotNull @DefaultValue List<String> methods,
      @Min(1) int requests,
      @NotNull @DefaultValue("1m") Duration per) {}
}
