package it.sportello.platform.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web application's login: a session cookie (CSRF-protected afterwards), against the same users
 * as HTTP Basic. In production with OIDC, the web application is put behind the identity provider
 * instead.
 */
@Tag(name = "Session", description = "Log in and out of the web application; who am I")
@RestController
@RequestMapping("/api")
class SessionController {

  private final AuthenticationManager authenticationManager;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
  private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

  private final ObjectProvider<ClientRegistrationRepository> clientRegistrations;
  private final ZoneId zone;

  SessionController(
      AuthenticationManager authenticationManager,
      ObjectProvider<ClientRegistrationRepository> clientRegistrations,
      @Value("${sportello.sla.calendar.zone}") ZoneId zone) {
    this.authenticationManager = authenticationManager;
    this.clientRegistrations = clientRegistrations;
    this.zone = zone;
  }

  /** An identity provider the web application can log in with (OIDC). */
  record IdentityProvider(String id, String name, String loginUrl) {}

  @Operation(
      summary = "Identity providers (OIDC) offered on the login page",
      description =
          "Empty unless spring.security.oauth2.client.registration.* is configured. The browser"
              + " goes to loginUrl and comes back logged in, with a session cookie.")
  @GetMapping("/session/providers")
  List<IdentityProvider> providers() {
    List<IdentityProvider> providers = new ArrayList<>();
    if (clientRegistrations.getIfAvailable() instanceof Iterable<?> registrations) {
      for (Object each : registrations) {
        ClientRegistration registration = (ClientRegistration) each;
        providers.add(
            new IdentityProvider(
                registration.getRegistrationId(),
                registration.getClientName(),
                "/oauth2/authorization/" + registration.getRegistrationId()));
      }
    }
    return providers;
  }

  record Credentials(@NotBlank String username, @NotBlank String password) {}

  /**
   * The logged-in user: id, groups (roles, queues, offices) and roles; the service calendar's zone,
   * in which the web application counts days and months whatever the browser's own zone.
   */
  record Me(String userId, List<String> groups, List<String> roles, String zone) {
    static Me of(Authentication authentication, ZoneId zone) {
      List<String> roles =
          authentication.getAuthorities().stream()
              .map(GrantedAuthority::getAuthority)
              .filter(authority -> authority.startsWith("ROLE_"))
              .map(authority -> authority.substring("ROLE_".length()))
              .filter(role -> Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(role)))
              .toList();
      return new Me(
          authentication.getName(),
          GroupAuthorities.groupIds(authentication.getAuthorities()),
          roles,
          zone.getId());
    }
  }

  @Operation(
      summary = "Log in: starts a session (cookie); later changes need the X-XSRF-TOKEN header")
  @PostMapping("/session")
  Me login(
      @Valid @RequestBody Credentials credentials,
      HttpServletRequest request,
      HttpServletResponse response) {
    UsernamePasswordAuthenticationToken attempt =
        UsernamePasswordAuthenticationToken.unauthenticated(
            credentials.username(), credentials.password());
    // the client address, for the login throttle (as HTTP Basic does)
    attempt.setDetails(details.buildDetails(request));
    Authentication authentication = authenticationManager.authenticate(attempt);
    request.getSession(true);
    request.changeSessionId();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    return Me.of(authentication, zone);
  }

  @Operation(summary = "Log out")
  @DeleteMapping("/session")
  ResponseEntity<Void> logout(
      Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
    new SecurityContextLogoutHandler().logout(request, response, authentication);
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "The current session: the user when logged in, 204 when not",
      description =
          "For the web application's start: a visitor gets an empty answer instead of the 401 of"
              + " /api/me, which browsers log as an error on the login page.")
  @GetMapping("/session")
  ResponseEntity<Me> session(Authentication authentication) {
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return ResponseEntity.noContent().build();
    }
    return ResponseEntity.ok(Me.of(authentication, zone));
  }

  @Operation(summary = "Who am I")
  @GetMapping("/me")
  Me me(Authentication authentication) {
    return Me.of(authentication, zone);
  }
}
