package it.sportello.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.platform.web.RateLimitProperties.RateLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The limits of {@link RateLimitProperties} per client address, before anything else runs (also
 * before authentication). The client address is the forwarded one behind a trusted proxy ({@code
 * server.forward-headers-strategy}), else all clients would share the proxy's allowance.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitFilter {

  private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> rateLimitFilterRegistration(
      RateLimitProperties properties, Clock clock, ObjectMapper objectMapper) {
    List<Limit> limits =
        properties.rateLimits().stream().map(limit -> new Limit(limit, clock)).toList();
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Filter(limits, objectMapper));
    // after the database-unavailable filter, before Spring Security (-100)
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  /** One configured limit with its counters. */
  record Limit(RateLimit config, PathPattern pattern, ClientRateLimiter limiter) {

    Limit(RateLimit config, Clock clock) {
      this(
          config,
          PathPatternParser.defaultInstance.parse(config.path()),
          new ClientRateLimiter(config.requests(), config.per(), clock));
    }

    boolean matches(String method, PathContainer path) {
      return (config.methods().isEmpty()
              || config.methods().stream().anyMatch(m -> m.equalsIgnoreCase(method)))
          && pattern.matches(path);
    }
  }

  static final class Filter extends OncePerRequestFilter {

    private final List<Limit> limits;
    private final ObjectMapper objectMapper;

    Filter(List<Limit> limits, ObjectMapper objectMapper) {
      this.limits = limits;
      this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      // the decoded, normalised path (as the handler mapping sees it), without the context path
      String servletPath =
          request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
      PathContainer path = PathContainer.parsePath(servletPath);
      String method = request.getMethod().toUpperCase(Locale.ROOT);
      String client = request.getRemoteAddr();
      Duration wait = Duration.ZERO;
      for (Limit limit : limits) {
        if (limit.matches(method, path)) {
          Optional<Duration> over = limit.limiter().acquire(client);
          if (over.isPresent() && over.get().compareTo(wait) > 0) {
            wait = over.get();
            log.debug("Rate limit {} reached by {}", limit.config().name(), client);
          }
        }
      }
      if (wait.isZero()) {
        chain.doFilter(request, response);
        return;
      }
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.TOO_MANY_REQUESTS,
              "Too many requests from this address; try again in a moment.");
      problem.setTitle("Too many requests");
      problem.setInstance(URI.create(request.getRequestURI()));
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader(
          HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000)));
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      objectMapper.writeValue(response.getOutputStream(), problem);
    }
  }
}
