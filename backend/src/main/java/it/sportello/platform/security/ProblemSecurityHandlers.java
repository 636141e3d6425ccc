package it.sportello.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401, 403 and 429 (a throttled login) as RFC 9457 problem details, for API callers.
 *
 * <p>Never a Basic challenge: a browser answers one with its own login dialog and then sends the
 * cached credentials with every request to the origin, cross-site ones included. API clients send
 * their Basic credentials (or bearer token) with each request without being asked; with OIDC
 * configured the challenge names the bearer scheme, which browsers do not answer.
 */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final ObjectMapper objectMapper;
  private final boolean bearerTokens;

  public ProblemSecurityHandlers(ObjectMapper objectMapper, boolean bearerTokens) {
    this.objectMapper = objectMapper;
    this.bearerTokens = bearerTokens;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    if (exception instanceof LoginThrottledException throttled) {
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
      write(request, response, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage());
      return;
    }
    if (bearerTokens) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Sportello\"");
    }
    write(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        "Authentication is required to access this resource.");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
      throws IOException {
    write(request, response, HttpStatus.FORBIDDEN, "Your role does not allow this operation.");
  }

  private void write(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
