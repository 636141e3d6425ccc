package it.sportello.kb.web;

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
 * The knowledge base: public articles for citizens without login; reading, feedback, import, index
 * and editing for the staff.
 */
@Component
@Order(ModuleAuthorizations.Orders.KNOWLEDGE_BASE)
class KnowledgeBaseAuthorizations implements ModuleAuthorizations {

  private static final String[] READERS = taskWorkers(ADMIN);

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests
        // citizens search and read the public articles without login
        .requestMatchers(HttpMethod.GET, "/api/public/kb/**")
        .permitAll()
        // ... and say whether an article helped (validated, rate-limited)
        .requestMatchers(HttpMethod.POST, "/api/public/kb/articles/*/feedback")
        .permitAll()
        .requestMatchers(HttpMethod.POST, "/api/kb/articles/*/feedback")
        .hasAnyRole(READERS)
        .requestMatchers(HttpMethod.GET, "/api/kb/search", "/api/kb/articles/*")
        .hasAnyRole(READERS)
        .requestMatchers("/api/kb/import")
        .hasAnyRole(roles(KB_EDITOR, ADMIN))
        .requestMatchers("/api/kb/index/**")
        .hasAnyRole(roles(KB_REVIEWER, SUPERVISOR, ADMIN))
        .requestMatchers(HttpMethod.POST, "/api/kb/subscriptions/**")
        .authenticated()
        .requestMatchers(HttpMethod.GET, "/api/kb/categories")
        .authenticated()
        .requestMatchers("/api/kb/**")
        .hasAnyRole(roles(KB_EDITOR, KB_REVIEWER, ADMIN));
  }
}
