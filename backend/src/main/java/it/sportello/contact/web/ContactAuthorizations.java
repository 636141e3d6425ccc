package it.sportello.contact.web;

import static it.sportello.platform.security.ModuleAuthorizations.roles;
import static it.sportello.platform.security.Role.*;

import it.sportello.platform.security.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The requester page: auditors read; merging duplicates is for level 2 and up. */
@Component
@Order(ModuleAuthorizations.Orders.CONTACT)
class ContactAuthorizations implements ModuleAuthorizations {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests
        .requestMatchers(HttpMethod.GET, "/api/contacts/**")
        .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR, AUDITOR))
        .requestMatchers(HttpMethod.POST, "/api/contacts/*/merges")
        .hasAnyRole(roles(LEVEL2, LEVEL3, SUPERVISOR))
        .requestMatchers("/api/contacts/**")
        .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR));
  }
}
