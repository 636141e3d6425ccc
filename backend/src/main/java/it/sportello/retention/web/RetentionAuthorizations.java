package it.sportello.retention.web;

import static it.sportello.platform.security.ModuleAuthorizations.roles;
import static it.sportello.platform.security.Role.*;

import it.sportello.platform.security.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Retention: the dry run for the data protection officer and administrators, a run on demand for
 * administrators.
 */
@Component
@Order(ModuleAuthorizations.Orders.RETENTION)
class RetentionAuthorizations implements ModuleAuthorizations {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests
        .requestMatchers(HttpMethod.GET, "/api/retention")
        .hasAnyRole(roles(DPO, ADMIN))
        .requestMatchers("/api/retention/**")
        .hasAnyRole(roles(ADMIN));
  }
}
