package it.sportello.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Failed logins (any way in: the login page, HTTP Basic, a bearer token) and logins through the
 * identity provider (OIDC). Password logins at {@code /api/session} and logouts are recorded by the
 * audit filter; a successful HTTP Basic request is recorded by what it reads or changes, not as a
 * login each time.
 */
@Component
class AuthenticationAudit {

  private final AuditLog audit;

  AuthenticationAudit(AuditLog audit) {
    this.audit = audit;
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    var attempt = event.getAuthentication();
    audit.record(
        new AuditEntry(
            attempt.getName(),
            null,
            "LOGIN",
            "session",
            null,
            null,
            AuditEntry.FAILURE,
            event.getException().getClass().getSimpleName(),
            address(attempt.getDetails())));
  }

  @EventListener
  void interactive(InteractiveAuthenticationSuccessEvent event) {
    var authentication = event.getAuthentication();
    audit.record(
        new AuditEntry(
            authentication.getName(),
            String.join(
                ",",
                authentication.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(authority -> authority.startsWith("ROLE_"))
                    .map(authority -> authority.substring("ROLE_".length()))
                    .sorted()
                    .toList()),
            "LOGIN",
            "session",
            event.getGeneratedBy().getSimpleName(),
            null,
            AuditEntry.SUCCESS,
            null,
            address(authentication.getDetails())));
  }

  private static String address(Object details) {
    return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
  }
}
