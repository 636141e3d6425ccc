package it.sportello.platform.process;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link EngineAuthenticationFilter} for {@code /engine-rest}, behind Spring Security's
 * filter chain (order -100).
 */
@Configuration(proxyBeanMethods = false)
class EngineWebConfiguration {

  @Bean
  FilterRegistrationBean<EngineAuthenticationFilter> engineAuthenticationFilter(
      IdentityService identityService) {
    FilterRegistrationBean<EngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new EngineAuthenticationFilter(identityService));
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(0);
    return registration;
  }
}
