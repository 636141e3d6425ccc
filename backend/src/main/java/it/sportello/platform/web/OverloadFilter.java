package it.sportello.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The limit of {@link OverloadProperties}: a semaphore of {@code maxConcurrent} permits with a
 * short, bounded wait; a request that finds the queue full, or waits longer than {@code maxWait},
 * is refused with 503 problem details and {@code Retry-After} before it authenticates or touches
 * the database. Runs after the per-client rate limits (a client over its own limit gets 429) and
 * before Spring Security (password hashing and token checks count as work). An asynchronous request
 * (the event stream) gives its permit back when its first dispatch returns.
 */
@Configuration(proxyBeanMethods = false)
class OverloadFilter {

  private static final Logger log = LoggerFactory.getLogger(OverloadFilter.class);

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> overloadFilterRegistration(
      OverloadProperties properties,
      ObjectMapper objectMapper,
      MeterRegistry meters,
      Environment environment) {
    checkPoolSize(properties, environment);
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Filter(properties, objectMapper, meters));
    registration.setEnabled(properties.enabled());
    // after the rate limits (+30), before Spring Security (-100)
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
    return registration;
  }

  /**
   * The limited requests and the engine's job threads each hold one connection at a time: with more
   * of them than the pool has connections, a request waits for a connection (up to the pool's
   * timeout) and the job executor can be starved. Said at start, not enforced: the pool size and
   * the job executor may be set elsewhere (ADR 0028).
   */
  static boolean checkPoolSize(OverloadProperties properties, Environment environment) {
    int pool =
        environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 10);
    boolean jobs =
        environment.getProperty("camunda.bpm.job-execution.enabled", Boolean.class, true);
    int jobThreads =
        jobs
            ? environment.getProperty("camunda.bpm.job-execution.max-pool-size", Integer.class, 10)
            : 0;
    if (properties.enabled() && properties.maxConcurrent() + jobThreads > pool) {
      log.warn(
          "sportello.web.overload.max-concurrent ({}) + the job executor's threads ({}) exceed the"
              + " database pool ({}): requests and jobs will wait for connections; lower"
              + " max-concurrent or enlarge the pool (SPORTELLO_DB_POOL_SIZE)",
          properties.maxConcurrent(),
          jobThreads,
          pool);
      return false;
    }
    return true;
  }

  static final class Filter extends OncePerRequestFilter {

    private final OverloadProperties properties;
    private final ObjectMapper objectMapper;
    private final List<PathPattern> paths;
    private final Semaphore permits;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Counter refused;

    Filter(OverloadProperties properties, ObjectMapper objectMapper, MeterRegistry meters) {
      this.properties = properties;
      this.objectMapper = objectMapper;
      this.paths =
          properties.paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
      this.permits = new Semaphore(properties.maxConcurrent(), true);
      this.refused =
          Counter.builder("sportello.web.overload.refused")
              .description("Requests refused with 503 because the service was at capacity")
              .register(meters);
      Gauge.builder(
              "sportello.web.overload.running",
              permits,
              p -> properties.maxConcurrent() - p.availablePermits())
          .description("Limited requests running now")
          .register(meters);
      Gauge.builder("sportello.web.overload.waiting", waiting, AtomicInteger::get)
          .description("Limited requests waiting for a turn now")
          .register(meters);
    }

    /** The permits, for tests that fill the service up without racing real requests. */
    Semaphore permits() {
      return permits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      String servletPath =
          request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
      PathContainer path = PathContainer.parsePath(servletPath);
      return paths.stream().noneMatch(pattern -> pattern.matches(path));
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (!acquire()) {
        refuse(request, response);
        return;
      }
      try {
        chain.doFilter(request, response);
      } finally {
        permits.release();
      }
    }

    private boolean acquire() {
      if (permits.tryAcquire()) {
        return true;
      }
      if (waiting.incrementAndGet() > properties.queue()) {
        waiting.decrementAndGet();
        return false;
      }
      try {
        return permits.tryAcquire(properties.maxWait().toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } finally {
        waiting.decrementAndGet();
      }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      refused.increment();
      log.debug("At capacity: {} {} refused", request.getMethod(), request.getRequestURI());
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.SERVICE_UNAVAILABLE,
              "The service is at capacity. Retry in a moment; a request with an Idempotency-Key is"
                  + " safe to repeat with the same key.");
      problem.setTitle("Service busy");
      problem.setType(DatabaseUnavailable.BUSY_TYPE);
      problem.setInstance(URI.create(request.getRequestURI()));
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      response.setHeader(
          HttpHeaders.RETRY_AFTER,
          String.valueOf(Math.max(1, (properties.retryAfter().toMillis() + 999) / 1000)));
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      objectMapper.writeValue(response.getOutputStream(), problem);
    }
  }
}
