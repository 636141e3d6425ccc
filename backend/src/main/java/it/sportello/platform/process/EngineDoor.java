package it.sportello.platform.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.platform.security.GroupAuthorities;
import it.sportello.platform.web.ReplayedBody;
import it.sportello.shared.AuditRequests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the {@link EngineDoorPolicy} to every call on the engine's REST resources: {@code
 * /engine-rest} (caller authenticated by Spring Security) and the webapps' {@code
 * /camunda/api/engine} (caller logged in to Cockpit, Tasklist or Admin). A refused call answers 403
 * with a problem detail and never reaches the engine.
 */
class EngineDoor extends OncePerRequestFilter {

  static final String ENGINE_REST = "/engine-rest";
  static final String WEBAPP_ENGINE = "/camunda/api/engine";

  /** Bodies read for a rule (process starts); larger ones are refused. */
  private static final int MAX_BODY = 1024 * 1024;

  private final EngineDoorPolicy policy;
  private final ObjectMapper objectMapper;

  EngineDoor(EngineDoorPolicy policy, ObjectMapper objectMapper) {
    this.policy = policy;
    this.objectMapper = objectMapper;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String resource;
    List<String> groups;
    if (path.startsWith(ENGINE_REST)) {
      resource = path.substring(ENGINE_REST.length());
      groups = springGroups();
    } else if (path.startsWith(WEBAPP_ENGINE)) {
      resource = path.substring(WEBAPP_ENGINE.length());
      groups = webappGroups(request.getSession(false));
      webappUser(request.getSession(false))
          .ifPresent(user -> request.setAttribute(AuditRequests.WEBAPP_USER, user));
    } else {
      chain.doFilter(request, response);
      return;
    }
    if (groups == null) {
      // not logged in: Spring Security or the webapp refuse the call themselves
      chain.doFilter(request, response);
      return;
    }
    RequestBody body = new RequestBody(request);
    Optional<String> refusal;
    try {
      refusal = policy.refusal(groups, request.getMethod(), resource, body::json);
    } catch (UnreadableBody e) {
      refusal = Optional.of(e.getMessage());
    }
    if (refusal.isPresent()) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, refusal.get());
      problem.setTitle("Forbidden");
      response.setStatus(HttpStatus.FORBIDDEN.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      objectMapper.writeValue(response.getOutputStream(), problem);
      return;
    }
    if (EngineDoorPolicy.isDeployment(request.getMethod(), resource)) {
      // an administrator deploying past the studio's four eyes: flagged in the audit trail
      request.setAttribute(
          AuditRequests.BREAK_GLASS_REASON,
          "emergency deployment through the engine's REST API, outside the studio's four eyes");
    }
    chain.doFilter(body.bytes == null ? request : new ReplayedBody(request, body.bytes), response);
  }

  private static List<String> springGroups() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return null;
    }
    return GroupAuthorities.groupIds(authentication.getAuthorities());
  }

  /** Who is logged in to Camunda's webapps in this session, for the audit trail. */
  private static Optional<String> webappUser(HttpSession session) {
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return Optional.empty();
    }
    return authentications.getAuthentications().stream()
        .map(authentication -> authentication.getName())
        .filter(name -> name != null)
        .findFirst();
  }

  private static List<String> webappGroups(HttpSession session) {
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null || authentications.getAuthentications().isEmpty()) {
      return null;
    }
    // one engine here; a user logged in to it with their groups
    return authentications.getAuthentications().stream()
        .map(UserAuthentication::getGroupIds)
        .filter(ids -> ids != null)
        .flatMap(List::stream)
        .toList();
  }

  private static final class UnreadableBody extends RuntimeException {
    UnreadableBody(String message) {
      super(message);
    }
  }

  /** The request's body, read only when a rule needs it (then replayed to the engine). */
  private final class RequestBody {

    private final HttpServletRequest request;
    private byte[] bytes;

    RequestBody(HttpServletRequest request) {
      this.request = request;
    }

    JsonNode json() {
      if (bytes == null) {
        try {
          bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      if (bytes.length > MAX_BODY) {
        throw new UnreadableBody("the request body is larger than " + MAX_BODY + " bytes");
      }
      try {
        return bytes.length == 0 ? null : objectMapper.readTree(bytes);
      } catch (IOException e) {
        throw new UnreadableBody("the request body is not JSON");
      }
    }
  }
}
