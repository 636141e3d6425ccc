package it.sportello.complaint.web;

import static it.sportello.platform.security.ModuleAuthorizations.roles;
import static it.sportello.platform.security.Role.*;

import it.sportello.platform.security.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Complaints: registered by the staff and external systems, the supplier's reply by the secretariat
 * and heads of office.
 */
@Component
@Order(ModuleAuthorizations.Orders.COMPLAINT)
class ComplaintAuthorizations implements ModuleAuthorizations {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests
        .requestMatchers(HttpMethod.POST, "/api/complaints")
        .hasAnyRole(
            roles(
                API_CLIENT, SECRETARIAT, LEVEL1, LEVEL2, OFFICE, HEAD_OFFICE, MANAGER, SUPERVISOR))
        .requestMatchers(HttpMethod.POST, "/api/complaints/*/supplier-reply")
        .hasAnyRole(roles(API_CLIENT, SECRETARIAT, HEAD_OFFICE))
        .requestMatchers(HttpMethod.POST, "/api/complaints/*/documents")
        .hasAnyRole(roles(SECRETARIAT, OFFICE, HEAD_OFFICE, MANAGER))
        .requestMatchers(HttpMethod.GET, "/api/complaints", "/api/complaints/**")
        .hasAnyRole(roles(SECRETARIAT, OFFICE, HEAD_OFFICE, MANAGER, SUPERVISOR, AUDITOR));
  }
}
