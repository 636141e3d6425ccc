package it.sportello.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /actuator/prometheus} is read by the monitoring system only: one configured scrape account
 * (HTTP Basic, {@code sportello.metrics.scrape.*}), no session, no other user (the metrics name
 * mailboxes and dependencies, never personal data, but they are no business of the public or of
 * staff). Without a configured password every request is refused. This chain comes before the main
 * one; put the endpoint behind the internal network too (docs/backup-restore.md, "Alerts").
 */
@Configuration(proxyBeanMethods = false)
class MetricsScrapeSecurity {

  static final String PATH = "/actuator/prometheus";
  static final String AUTHORITY = "ROLE_METRICS_SCRAPER";

  @Bean
  @Order(1)
  SecurityFilterChain metricsScrapeChain(
      HttpSecurity http, MetricsScrapeProperties properties, ObjectMapper objectMapper)
      throws Exception {
    ProblemSecurityHandlers problems = new ProblemSecurityHandlers(objectMapper, false);
    byte[] password = properties.password().getBytes(StandardCharsets.UTF_8);
    http.securityMatcher(PATH)
        .authenticationManager(
            authentication -> {
              byte[] given =
                  String.valueOf(authentication.getCredentials()).getBytes(StandardCharsets.UTF_8);
              if (password.length == 0
                  || !properties.username().equals(authentication.getName())
                  || !MessageDigest.isEqual(password, given)) {
                throw new BadCredentialsException("Bad credentials");
              }
              return UsernamePasswordAuthenticationToken.authenticated(
                  authentication.getName(), null, List.of(new SimpleGrantedAuthority(AUTHORITY)));
            })
        .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(AUTHORITY))
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }
}
