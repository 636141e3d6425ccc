package it.sportello.notification.web;

import it.sportello.platform.security.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Each user reads only their own notifications and their groups' (checked by the controller). */
@Component
@Order(ModuleAuthorizations.Orders.NOTIFICATION)
class NotificationAuthorizations implements ModuleAuthorizations {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests.requestMatchers("/api/notifications/**").authenticated();
  }
}
