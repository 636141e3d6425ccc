package it.sportello.presence.web;

import static it.sportello.platform.security.ModuleAuthorizations.taskWorkers;
import static it.sportello.platform.security.Role.*;

import it.sportello.platform.security.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who is on a ticket: the workers who open tasks. */
@Component
@Order(ModuleAuthorizations.Orders.PRESENCE)
class PresenceAuthorizations implements ModuleAuthorizations {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests.requestMatchers("/api/presence/**").hasAnyRole(taskWorkers());
  }
}
