package it.sportello.channel.web;

import it.sportello.platform.security.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Citizens' requests from the public web form, without login: a challenge, the request, its
 * attachments and tracking by private token, deflections (validated, rate-limited per address).
 */
@Component
@Order(ModuleAuthorizations.Orders.PUBLIC_REQUESTS)
class PublicRequestAuthorizations implements ModuleAuthorizations {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests
        .requestMatchers(HttpMethod.GET, "/api/public/requests/*")
        .permitAll()
        .requestMatchers(
            HttpMethod.POST,
            "/api/public/requests",
            "/api/public/requests/deflections",
            "/api/public/requests/*/documents")
        .permitAll();
  }
}
