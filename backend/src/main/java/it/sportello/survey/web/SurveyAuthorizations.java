package it.sportello.survey.web;

import static it.sportello.platform.security.ModuleAuthorizations.roles;
import static it.sportello.platform.security.Role.*;

import it.sportello.platform.security.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Surveys: supervisors and managers edit questionnaires and the satisfaction settings; the results
 * (with the requesters' free-text answers) for those who read the activity report; the personal
 * link's page is public (its token is the key).
 */
@Component
@Order(ModuleAuthorizations.Orders.SURVEYS)
class SurveyAuthorizations implements ModuleAuthorizations {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests
        .requestMatchers(HttpMethod.GET, "/api/public/surveys/*", "/api/public/campaigns/*")
        .permitAll()
        .requestMatchers(HttpMethod.POST, "/api/public/campaigns/*/answers")
        .permitAll()
        .requestMatchers(
            HttpMethod.POST, "/api/public/surveys/*/answers", "/api/public/surveys/*/unsubscribe")
        .permitAll()
        .requestMatchers(
            HttpMethod.GET,
            "/api/surveys/campaigns/*/progress",
            "/api/surveys/campaigns/*/results",
            "/api/surveys/campaigns/*/campaign.xlsx")
        .hasAnyRole(roles(SUPERVISOR, MANAGER, ADMIN, AUDITOR))
        // the tokens are keys to answer with, some with a recipient's name: only who runs campaigns
        .requestMatchers(
            HttpMethod.GET,
            "/api/surveys/campaigns/*/web-tokens.csv",
            "/api/surveys/campaigns/*/web-tokens.xlsx")
        .hasAnyRole(roles(SUPERVISOR, MANAGER))
        .requestMatchers(HttpMethod.GET, "/api/surveys/satisfaction/results")
        .hasAnyRole(roles(SUPERVISOR, MANAGER, ADMIN, AUDITOR))
        .requestMatchers(HttpMethod.GET, "/api/surveys/**")
        .hasAnyRole(roles(SUPERVISOR, MANAGER, ADMIN))
        .requestMatchers("/api/surveys/**")
        .hasAnyRole(roles(SUPERVISOR, MANAGER));
  }
}
