package it.sportello.chat.web;

import static it.sportello.platform.security.ModuleAuthorizations.roles;
import static it.sportello.platform.security.Role.*;

import it.sportello.platform.security.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The chat: citizens and visitors without login (the conversation token authorizes, checked by the
 * use cases) and the widget's script; the operators' console for the front and back office and
 * supervisors. A citizen's session (its own chain and context) is anonymous here, so it never
 * reaches {@code /api/chats}.
 */
@Component
@Order(ModuleAuthorizations.Orders.CHAT)
class ChatAuthorizations implements ModuleAuthorizations {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests
        .requestMatchers(HttpMethod.GET, "/chat/widget.js")
        .permitAll()
        .requestMatchers("/api/public/chat/**")
        .permitAll()
        .requestMatchers("/api/chats", "/api/chats/**")
        .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR));
  }
}
