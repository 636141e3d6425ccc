package it.sportello.reporting.web;

import static it.sportello.platform.security.ModuleAuthorizations.roles;
import static it.sportello.platform.security.Role.*;

import it.sportello.platform.security.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The reports: read by supervisors, managers, administrators and auditors; the knowledge base's
 * quality by its editors too.
 */
@Component
@Order(ModuleAuthorizations.Orders.REPORTING)
class ReportingAuthorizations implements ModuleAuthorizations {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests
        .requestMatchers(HttpMethod.GET, "/api/reports/kb-gaps", "/api/reports/kb-weak-articles")
        .hasAnyRole(roles(SUPERVISOR, MANAGER, ADMIN, AUDITOR, KB_EDITOR, KB_REVIEWER))
        .requestMatchers(HttpMethod.POST, "/api/reports/deliveries/*/runs")
        .hasAnyRole(roles(MANAGER, SUPERVISOR))
        .requestMatchers(HttpMethod.GET, "/api/reports/**")
        .hasAnyRole(roles(SUPERVISOR, MANAGER, ADMIN, AUDITOR));
  }
}
