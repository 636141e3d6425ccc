package it.sportello.distribution.web;

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
 * Work distribution: every operator role has a presence and answers offers; supervisors manage
 * policies, skills and capacity (the board, under {@code /api/supervisor}, follows the ticket's
 * rule: supervisors and administrators); managers read the presence report too.
 */
@Component
@Order(ModuleAuthorizations.Orders.DISTRIBUTION)
class DistributionAuthorizations implements ModuleAuthorizations {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests
        .requestMatchers(
            "/api/me/presence/**", "/api/me/offer", "/api/me/offers/**", "/api/me/queues/**")
        .hasAnyRole(taskWorkers())
        // the assignment history on a ticket's path: those who read tickets
        .requestMatchers(HttpMethod.GET, "/api/distribution/assignments")
        .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR, OFFICE))
        .requestMatchers(HttpMethod.GET, "/api/distribution/presence-report")
        .hasAnyRole(roles(SUPERVISOR, MANAGER))
        // the staffing forecast: supervisors plan, managers read it
        .requestMatchers(
            HttpMethod.GET, "/api/distribution/staffing", "/api/distribution/staffing.xlsx")
        .hasAnyRole(roles(SUPERVISOR, MANAGER))
        // samples of call recordings: supervisors and the customer's auditors
        .requestMatchers(
            "/api/distribution/recording-samples",
            "/api/distribution/recording-samples/**",
            "/api/distribution/recording-listenings")
        .hasAnyRole(roles(SUPERVISOR, AUDITOR))
        .requestMatchers("/api/distribution/**")
        .hasAnyRole(roles(SUPERVISOR));
  }
}
