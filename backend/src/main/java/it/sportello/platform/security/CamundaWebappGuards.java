package it.sportello.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.platform.web.ReplayedBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's webapps authenticate their own users; two of their doors are guarded here, behind
 * Spring Security's chain (order -100, which normalises and firewalls the path first):
 *
 * <ul>
 *   <li>the first-administrator setup ({@code /camunda/api/admin/setup/…}) is closed in every
 *       profile: while no administrator exists it would let the first visitor create one. The first
 *       administrator comes from configuration ({@code camunda.bpm.admin-user.*}, see the README)
 *       or the demo users;
 *   <li>the webapps' login ({@code /camunda/api/admin/auth/user/{engine}/login/{app}}) passes the
 *       same {@link LoginThrottle} as HTTP Basic and the web application's login.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class CamundaWebappGuards {

  static final String SETUP = "/camunda/api/admin/setup/*";
  static final String LOGIN = "/camunda/api/admin/auth/user/*";
  private static final int MAX_LOGIN_FORM = 16 * 1024;

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> camundaSetupClosed(ObjectMapper objectMapper) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new SetupClosed(objectMapper));
    registration.addUrlPatterns(SETUP);
    registration.setOrder(-99);
    return registration;
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> camundaLoginThrottle(
      LoginThrottle throttle, ObjectMapper objectMapper) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new ThrottledLogin(throttle, objectMapper));
    registration.addUrlPatterns(LOGIN);
    registration.setOrder(-98);
    return registration;
  }

  /** 403 for every request to the setup resource, whoever asks. */
  static final class SetupClosed extends OncePerRequestFilter {

    private final ObjectMapper objectMapper;

    SetupClosed(ObjectMapper objectMapper) {
      this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.FORBIDDEN,
              "The setup of a first administrator is disabled: administrators come from the"
                  + " configuration.");
      write(objectMapper, request, response, problem);
    }
  }

  /** Throttles {@code POST …/login/{app}} by the form's user name and the client address. */
  static final class ThrottledLogin extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final ObjectMapper objectMapper;

    ThrottledLogin(LoginThrottle throttle, ObjectMapper objectMapper) {
      this.throttle = throttle;
      this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !"POST".equals(request.getMethod()) || !request.getRequestURI().contains("/login/");
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      byte[] form = request.getInputStream().readNBytes(MAX_LOGIN_FORM);
      String user = formValue(form, "username");
      String address = request.getRemoteAddr();
      Optional<Duration> wait = throttle.waitBefore(address, user);
      if (wait.isPresent()) {
        LoginThrottledException throttled = new LoginThrottledException(wait.get());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
        write(
            objectMapper,
            request,
            response,
            ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage()));
        return;
      }
      chain.doFilter(new ReplayedBody(request, form), response);
      // Camunda answers 401 for a wrong password, 403 for a user without the application
      if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
        throttle.failed(address, user);
      } else if (response.getStatus() < 300) {
        throttle.succeeded(address, user);
      }
    }

    /** A field of an {@code application/x-www-form-urlencoded} body; null when absent. */
    static String formValue(byte[] form, String name) {
      for (String pair : new String(form, StandardCharsets.ISO_8859_1).split("&")) {
        int equals = pair.indexOf('=');
        String key = equals < 0 ? pair : pair.substring(0, equals);
        if (decode(key).equals(name)) {
          return equals < 0 ? "" : decode(pair.substring(equals + 1));
        }
      }
      return null;
    }

    private static String decode(String value) {
      try {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return value;
      }
    }
  }

  private static void write(
      ObjectMapper objectMapper,
      HttpServletRequest request,
      HttpServletResponse response,
      ProblemDetail problem)
      throws IOException {
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
