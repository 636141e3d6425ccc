package it.sportello.channel.phone.web;

import static it.sportello.platform.security.ModuleAuthorizations.roles;
import static it.sportello.platform.security.Role.*;

import it.sportello.platform.security.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The phone channel's rules (the telephony platform's webhook is a generic rule: its signature
 * authenticates it).
 */
@Component
@Order(ModuleAuthorizations.Orders.PHONE)
class PhoneAuthorizations implements ModuleAuthorizations {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests
        .requestMatchers(HttpMethod.GET, "/api/phone/figures")
        .hasAnyRole(roles(SUPERVISOR, ADMIN, AUDITOR))
        .requestMatchers(HttpMethod.GET, "/api/phone/agents")
        .hasAnyRole(roles(SUPERVISOR, MANAGER, ADMIN, AUDITOR))
        .requestMatchers("/api/phone/**")
        .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR));
  }
}
