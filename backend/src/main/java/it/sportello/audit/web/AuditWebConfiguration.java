package it.sportello.audit.web;

import it.sportello.audit.AuditLog;
import it.sportello.audit.AuditSubjects;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit trail's filter: behind Spring Security's filter chain (order -100), so it knows the
 * caller, and in front of the engine's doors (order -10), so their refusals are recorded too.
 */
@Configuration(proxyBeanMethods = false)
class AuditWebConfiguration {

  @Bean
  FilterRegistrationBean<AuditTrailFilter> auditTrailFilter(
      AuditLog audit, AuditSubjects subjects) {
    FilterRegistrationBean<AuditTrailFilter> registration =
        new FilterRegistrationBean<>(new AuditTrailFilter(audit, subjects));
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
    registration.setOrder(-20);
    return registration;
  }
}
