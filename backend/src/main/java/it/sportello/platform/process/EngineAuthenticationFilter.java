package it.sportello.platform.process;

import it.sportello.platform.security.GroupAuthorities;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after Spring Security on {@code /engine-rest}: tells the engine who is calling, so that
 * Camunda applies its authorizations ({@link EngineAuthorizations}) and records the user in its
 * operation log.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  EngineAuthenticationFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      chain.doFilter(request, response);
      return;
    }
    identityService.setAuthentication(
        authentication.getName(), GroupAuthorities.groupIds(authentication.getAuthorities()));
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
