package it.sportello.correspondence.web;

import static it.sportello.platform.security.ModuleAuthorizations.roles;
import static it.sportello.platform.security.Role.*;

import it.sportello.platform.security.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Letters: registered by the secretariat and the front office, read by those who work them and the
 * auditors.
 */
@Component
@Order(ModuleAuthorizations.Orders.CORRESPONDENCE)
class CorrespondenceAuthorizations implements ModuleAuthorizations {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests
        .requestMatchers(HttpMethod.POST, "/api/correspondence")
        .hasAnyRole(roles(SECRETARIAT, LEVEL1, LEVEL2, OFFICE, HEAD_OFFICE, MANAGER))
        .requestMatchers(HttpMethod.POST, "/api/correspondence/*/documents")
        .hasAnyRole(roles(SECRETARIAT, OFFICE, HEAD_OFFICE, MANAGER))
        .requestMatchers(HttpMethod.GET, "/api/correspondence", "/api/correspondence/**")
        .hasAnyRole(
            roles(SECRETARIAT, OFFICE, HEAD_OFFICE, MANAGER, SUPERVISOR, AUDITOR, LEVEL1, LEVEL2));
  }
}
