package it.sportello.studio.web;

import static it.sportello.platform.security.ModuleAuthorizations.roles;
import static it.sportello.platform.security.Role.ANALYST;

import it.sportello.platform.security.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The studio is the analysts' alone: they read the models, write drafts, ask for and decide
 * deployments (four eyes between two analysts). Administrators deploy only through {@code
 * /engine-rest}, as an emergency.
 */
@Component
@Order(ModuleAuthorizations.Orders.STUDIO)
class StudioAuthorizations implements ModuleAuthorizations {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests.requestMatchers("/api/studio", "/api/studio/**").hasAnyRole(roles(ANALYST));
  }
}
