package it.sportello.platform.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The filters in front of the engine's REST resources, behind Spring Security's filter chain (order
 * -100): {@link EngineDoor} decides whether a call may reach the engine at all, {@link
 * EngineAuthenticationFilter} tells the engine who calls {@code /engine-rest}.
 */
@Configuration(proxyBeanMethods = false)
class EngineWebConfiguration {

  @Bean
  FilterRegistrationBean<EngineDoor> engineDoor(
      EngineAccessProperties access, ObjectMapper objectMapper) {
    FilterRegistrationBean<EngineDoor> registration =
        new FilterRegistrationBean<>(
            new EngineDoor(new EngineDoorPolicy(access.apiClientProcesses()), objectMapper));
    registration.addUrlPatterns(EngineDoor.ENGINE_REST + "/*", EngineDoor.WEBAPP_ENGINE + "/*");
    registration.setOrder(-10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineAuthenticationFilter> engineAuthenticationFilter(
      IdentityService identityService) {
    FilterRegistrationBean<EngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new EngineAuthenticationFilter(identityService));
    registration.addUrlPatterns(EngineDoor.ENGINE_REST + "/*");
    registration.setOrder(0);
    return registration;
  }
}
