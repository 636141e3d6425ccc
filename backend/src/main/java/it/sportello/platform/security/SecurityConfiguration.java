package it.sportello.platform.security;

import static it.sportello.platform.security.Role.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. HTTP Basic and the web application's session login against the users of
 * Camunda's identity service; OIDC bearer tokens as well when a JWT decoder is configured ({@code
 * spring.security.oauth2.resourceserver.jwt.*}); OIDC login for the web application when client
 * registrations are configured ({@code spring.security.oauth2.client.*}), groups from the same
 * claim. Camunda's webapps authenticate their own users; {@code /engine-rest} is closed to
 * anonymous callers.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  static final String CSRF_COOKIE = "SPORTELLO-XSRF-TOKEN";
  static final String PHONE_WEBHOOK = "/api/phone/events";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final RequestMatcher API =
      new OrRequestMatcher(
          new AntPathRequestMatcher("/api/**"),
          new AntPathRequestMatcher("/engine-rest/**"),
          new AntPathRequestMatcher("/actuator/**"));

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      ObjectMapper objectMapper,
      ObjectProvider<JwtDecoder> jwtDecoder,
      ObjectProvider<ClientRegistrationRepository> clientRegistrations,
      SecurityProperties properties,
      ObjectProvider<ModuleAuthorizations> modules)
      throws Exception {
    ProblemSecurityHandlers problems =
        new ProblemSecurityHandlers(objectMapper, jwtDecoder.getIfAvailable() != null);
    http.authorizeHttpRequests(
            requests -> {
              requests
                  // the response of an asynchronous request (the screen pop stream) was
                  // authorized when the request came in
                  .dispatcherTypeMatchers(DispatcherType.ASYNC)
                  .permitAll()
                  .requestMatchers("/error", "/actuator/health/**", "/actuator/info")
                  .permitAll()
                  // the CTI webhook authenticates the telephony platform by its signature
                  .requestMatchers(HttpMethod.POST, PHONE_WEBHOOK)
                  .permitAll()
                  // the web application's shell and assets; its data come from /api
                  .requestMatchers(HttpMethod.GET, WebAppRoutes.PATTERNS)
                  .permitAll()
                  .requestMatchers(HttpMethod.POST, "/api/session")
                  .permitAll()
                  .requestMatchers(HttpMethod.GET, "/api/session")
                  .permitAll()
                  .requestMatchers(HttpMethod.GET, "/api/session/providers")
                  .permitAll()
                  .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                  .permitAll()
                  .requestMatchers("/camunda/**")
                  .permitAll()
                  .requestMatchers(HttpMethod.POST, "/engine-rest/deployment/create")
                  .hasAnyRole(roles(ANALYST, ADMIN))
                  .requestMatchers("/engine-rest/**")
                  .hasAnyRole(roles(API_CLIENT, ANALYST, ADMIN, SUPERVISOR))
                  // the one event stream of a browser tab (platform.web.UserEvents): every staff
                  // role; each stream gets only its user's events and data-free "reload" signals
                  .requestMatchers(HttpMethod.GET, "/api/me/events")
                  .hasAnyRole(roles(Role.values()));
              // each module's own rules, in their order (see ModuleAuthorizations)
              modules.orderedStream().forEach(module -> module.authorize(requests));
              requests
                  .requestMatchers("/actuator/**")
                  .hasAnyRole(roles(ADMIN, SUPERVISOR))
                  .anyRequest()
                  .authenticated();
            })
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(
            exceptions ->
                exceptions
                    .defaultAuthenticationEntryPointFor(problems, API)
                    .defaultAccessDeniedHandlerFor(problems, API))
        // an anonymous request is answered 401, never remembered in a new session: a session is
        // what makes CSRF protection apply, and API clients must not get one by accident
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .headers(SecurityHeaders::configure)
        // Every change riding on a browser session needs the CSRF token, with or without an
        // Authorization header besides (API clients have no session: they authenticate every
        // request); Camunda's webapps bring their own protection. The web application reads the
        // SPORTELLO-XSRF-TOKEN cookie and sends it as X-XSRF-TOKEN.
        .csrf(
            csrf ->
                csrf.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfProtection)
                    .csrfTokenRepository(csrfCookie())
                    .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
        .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class);
    if (jwtDecoder.getIfAvailable() != null) {
      http.oauth2ResourceServer(
          oauth ->
              oauth
                  .authenticationEntryPoint(problems)
                  .accessDeniedHandler(problems)
                  .jwt(
                      jwt ->
                          jwt.jwtAuthenticationConverter(
                              groupsConverter(properties.groupsClaim()))));
    }
    if (clientRegistrations.getIfAvailable() != null) {
      // The web application's login page offers the identity providers; after the round trip the
      // browser holds the same session cookie (and CSRF cookie) as with a password login.
      http.oauth2Login(
          login ->
              login
                  .loginPage("/login")
                  .defaultSuccessUrl("/", true)
                  .failureUrl("/login?error=oidc")
                  .userInfoEndpoint(
                      userInfo ->
                          userInfo.oidcUserService(
                              new GroupsOidcUserService(properties.groupsClaim()))));
    }
    return http.build();
  }

  /** Not "XSRF-TOKEN": Camunda's webapps use that name for their own token, on the same path. */
  public static CookieCsrfTokenRepository csrfCookie() {
    CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
    repository.setCookieName(CSRF_COOKIE);
    repository.setCookiePath("/");
    // Secure follows the request (HTTPS, also behind a proxy with forwarded headers)
    repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    return repository;
  }

  private static boolean needsCsrfProtection(HttpServletRequest request) {
    return !SAFE_METHODS.contains(request.getMethod())
        && request.getSession(false) != null
        && !request.getRequestURI().equals(request.getContextPath() + PHONE_WEBHOOK)
        && !request.getRequestURI().startsWith(request.getContextPath() + "/camunda/");
  }

  /** Basic, the web application's session login ({@code /api/session}) and nothing else. */
  @Bean
  AuthenticationManager authenticationManager(
      List<AuthenticationProvider> providers, AuthenticationEventPublisher events) {
    ProviderManager manager = new ProviderManager(providers);
    // failed logins reach the audit trail (it.sportello.audit.AuthenticationAudit)
    manager.setAuthenticationEventPublisher(events);
    return manager;
  }

  static Converter<Jwt, AbstractAuthenticationToken> groupsConverter(String groupsClaim) {
    return jwt -> {
      Collection<String> groups =
          jwt.hasClaim(groupsClaim) ? jwt.getClaimAsStringList(groupsClaim) : List.of();
      String name =
          jwt.hasClaim("preferred_username")
              ? jwt.getClaimAsString("preferred_username")
              : jwt.getSubject();
      return new JwtAuthenticationToken(jwt, GroupAuthorities.of(groups), name);
    };
  }

  private static String[] roles(Role... roles) {
    return ModuleAuthorizations.roles(roles);
  }
}
