package it.sportello.audit.web;

import static it.sportello.platform.security.ModuleAuthorizations.roles;
import static it.sportello.platform.security.Role.*;

import it.sportello.platform.security.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The audit trail: the data protection officer and the auditor; administrators verify its chain
 * (they receive the alert when it breaks).
 */
@Component
@Order(ModuleAuthorizations.Orders.AUDIT)
class AuditAuthorizations implements ModuleAuthorizations {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests
        .requestMatchers(HttpMethod.GET, "/api/audit/verify")
        .hasAnyRole(roles(DPO, AUDITOR, ADMIN))
        .requestMatchers(HttpMethod.GET, "/api/audit", "/api/audit/**")
        .hasAnyRole(roles(DPO, AUDITOR));
  }
}
