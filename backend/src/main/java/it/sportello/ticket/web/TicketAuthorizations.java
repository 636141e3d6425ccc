package it.sportello.ticket.web;

import static it.sportello.platform.security.ModuleAuthorizations.roles;
import static it.sportello.platform.security.ModuleAuthorizations.taskWorkers;
import static it.sportello.platform.security.Role.*;

import it.sportello.platform.security.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The ticket's rules: tickets, saved views, the supervisor's board, the inbox, the knowledge base
 * beside the ticket and canned replies.
 */
@Component
@Order(ModuleAuthorizations.Orders.TICKET)
class TicketAuthorizations implements ModuleAuthorizations {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests
        // search and saved views: the people who work tickets (offices: theirs)
        .requestMatchers(HttpMethod.GET, "/api/tickets/search")
        .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR, OFFICE))
        .requestMatchers("/api/tickets/views", "/api/tickets/views/*")
        .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR, OFFICE, ADMIN))
        .requestMatchers(HttpMethod.POST, "/api/tickets")
        .hasAnyRole(roles(API_CLIENT, LEVEL1, LEVEL2, SUPERVISOR))
        .requestMatchers(HttpMethod.POST, "/api/tickets/*/messages")
        .hasAnyRole(roles(API_CLIENT, LEVEL1, LEVEL2))
        .requestMatchers(HttpMethod.POST, "/api/tickets/*/replies")
        .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3))
        .requestMatchers(HttpMethod.POST, "/api/tickets/*/notes")
        .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR, OFFICE))
        .requestMatchers(HttpMethod.POST, "/api/tickets/*/documents")
        .hasAnyRole(roles(API_CLIENT, LEVEL1, LEVEL2, LEVEL3, OFFICE))
        // links, merge and reclassification: the ticket's level and supervisors
        // (TicketActor checks the level of each ticket)
        .requestMatchers(
            HttpMethod.POST,
            "/api/tickets/merge",
            "/api/tickets/*/merge",
            "/api/tickets/*/links",
            "/api/tickets/*/classification")
        .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR))
        .requestMatchers(HttpMethod.DELETE, "/api/tickets/*/links/*")
        .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR))
        // the conversation holds staff's internal notes: not for external systems
        .requestMatchers(HttpMethod.GET, "/api/tickets/*/conversation")
        .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR, OFFICE))
        // also the ticket's mails (channel.mail.web.TicketMailController)
        .requestMatchers(HttpMethod.GET, "/api/tickets/**")
        .hasAnyRole(roles(API_CLIENT, LEVEL1, LEVEL2, LEVEL3, SUPERVISOR, OFFICE))
        .requestMatchers("/api/supervisor/**")
        .hasAnyRole(roles(SUPERVISOR, ADMIN))
        .requestMatchers("/api/inbox/**")
        .hasAnyRole(taskWorkers(DPO))
        // the knowledge base beside the ticket: suggestions, and articles used to answer it (read
        // by the staff who may read the ticket); before the knowledge base's own /api/kb/**
        .requestMatchers(HttpMethod.GET, "/api/kb/suggestions")
        .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR, OFFICE))
        .requestMatchers(HttpMethod.POST, "/api/kb/articles/*/uses")
        .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR, OFFICE))
        // canned replies: rendered for a ticket by the staff who answer tickets;
        // managed (own; shared: supervisors, KB editors, admins) by them too
        .requestMatchers(HttpMethod.POST, "/api/canned-replies/*/render")
        .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR))
        .requestMatchers("/api/canned-replies", "/api/canned-replies/**")
        .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR, KB_EDITOR, ADMIN));
  }
}
