package it.sportello.channel.mail.web;

import static it.sportello.platform.security.ModuleAuthorizations.roles;
import static it.sportello.platform.security.Role.*;

import it.sportello.platform.security.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The mail channel's administration (mailboxes, quarantine, reconciliation); a ticket's mails
 * follow the ticket's rules.
 */
@Component
@Order(ModuleAuthorizations.Orders.MAIL)
class MailAuthorizations implements ModuleAuthorizations {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests.requestMatchers("/api/mail/**").hasAnyRole(roles(SUPERVISOR, ADMIN));
  }
}
