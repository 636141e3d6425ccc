package it.sportello.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database out of reach (or every pool connection busy: "Service busy", not an outage) while a
 * request runs outside our controllers (authentication against Camunda's identity tables, the
 * session, the engine's filters): 503 problem details with {@code Retry-After} instead of a 500
 * error page. Failures inside our controllers are answered by {@link ProblemDetailsAdvice} the same
 * way.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailableFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> databaseUnavailableFilterRegistration(
      ObjectMapper objectMapper) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Filter(objectMapper));
    // outside Spring Security's chain (order -100), which authenticates against the database
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    private final ObjectMapper objectMapper;

    Filter(ObjectMapper objectMapper) {
      this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      try {
        chain.doFilter(request, response);
      } catch (ServletException | IOException | RuntimeException failure) {
        boolean busy = DatabaseUnavailable.poolExhausted(failure);
        if (!(busy || DatabaseUnavailable.causedBy(failure)) || response.isCommitted()) {
          throw failure;
        }
        log.warn(
            "{} during {} {}: {}",
            busy ? "Database connection pool busy" : "Database unavailable",
            request.getMethod(),
            request.getRequestURI(),
            failure.toString());
        ProblemDetail problem = busy ? DatabaseUnavailable.busy() : DatabaseUnavailable.problem();
        problem.setInstance(URI.create(request.getRequestURI()));
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setHeader(
            HttpHeaders.RETRY_AFTER,
            busy
                ? DatabaseUnavailable.BUSY_RETRY_AFTER_SECONDS
                : DatabaseUnavailable.RETRY_AFTER_SECONDS);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
      }
    }
  }
}
