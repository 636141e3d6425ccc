package it.sportello.notice.web;

import static it.sportello.platform.security.ModuleAuthorizations.roles;
import static it.sportello.platform.security.Role.*;

import it.sportello.platform.security.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The notice board: everybody reads the current notices; the communication office and supervisors
 * write, publish and withdraw them.
 */
@Component
@Order(ModuleAuthorizations.Orders.NOTICES)
class NoticeAuthorizations implements ModuleAuthorizations {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests
        .requestMatchers(HttpMethod.GET, "/api/public/notices")
        .permitAll()
        .requestMatchers("/api/notices", "/api/notices/**")
        .hasAnyRole(roles(COMMUNICATIONS, SUPERVISOR));
  }
}
