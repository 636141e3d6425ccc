package it.sportello.datasubject.web;

import static it.sportello.platform.security.ModuleAuthorizations.roles;
import static it.sportello.platform.security.Role.*;

import it.sportello.platform.security.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The data subject's rights: the data protection officer only. */
@Component
@Order(ModuleAuthorizations.Orders.DATA_SUBJECTS)
class DataSubjectAuthorizations implements ModuleAuthorizations {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests
        .requestMatchers(
            "/api/data-subjects",
            "/api/data-subjects/**",
            "/api/data-subject-requests",
            "/api/data-subject-requests/**")
        .hasAnyRole(roles(DPO));
  }
}
