package it.sportello.worklist.web;

import static it.sportello.platform.security.ModuleAuthorizations.taskWorkers;
import static it.sportello.platform.security.Role.*;

import it.sportello.platform.security.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The tasks: the workers who have tasks. */
@Component
@Order(ModuleAuthorizations.Orders.WORKLIST)
class WorklistAuthorizations implements ModuleAuthorizations {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    // the data protection officer answers data subject requests from the inbox too
    requests.requestMatchers("/api/tasks/**").hasAnyRole(taskWorkers(DPO));
  }
}
