package it.sportello.platform.security;

import static it.sportello.platform.security.Role.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
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
      SecurityProperties properties)
      throws Exception {
    ProblemSecurityHandlers problems =
        new ProblemSecurityHandlers(objectMapper, jwtDecoder.getIfAvailable() != null);
    http.authorizeHttpRequests(
            requests ->
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
                    // search and saved views: the people who work tickets (offices: theirs)
                    .requestMatchers(HttpMethod.GET, "/api/tickets/search")
                    .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR, OFFICE))
                    .requestMatchers("/api/tickets/views", "/api/tickets/views/*")
                    .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR, OFFICE, ADMIN))
                    .requestMatchers(HttpMethod.POST, "/api/tickets")
                    .hasAnyRole(roles(API_CLIENT, LEVEL1, LEVEL2, SUPERVISOR))
                    .requestMatchers(HttpMethod.POST, "/api/tickets/*/messages")
                    .hasAnyRole(roles(API_CLIENT, LEVEL1, LEVEL2))
                    .requestMatchers(HttpMethod.POST, "/api/tickets/*/replies")
                    .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3))
                    .requestMatchers(HttpMethod.POST, "/api/tickets/*/notes")
                    .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR, OFFICE))
                    .requestMatchers(HttpMethod.POST, "/api/tickets/*/documents")
                    .hasAnyRole(roles(API_CLIENT, LEVEL1, LEVEL2, LEVEL3, OFFICE))
                    // links, merge and reclassification: the ticket's level and supervisors
                    // (TicketActor checks the level of each ticket)
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/tickets/merge",
                        "/api/tickets/*/merge",
                        "/api/tickets/*/links",
                        "/api/tickets/*/classification")
                    .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR))
                    .requestMatchers(HttpMethod.DELETE, "/api/tickets/*/links/*")
                    .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR))
                    // the conversation holds staff's internal notes: not for external systems
                    .requestMatchers(HttpMethod.GET, "/api/tickets/*/conversation")
                    .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR, OFFICE))
                    .requestMatchers(HttpMethod.GET, "/api/tickets/**")
                    .hasAnyRole(roles(API_CLIENT, LEVEL1, LEVEL2, LEVEL3, SUPERVISOR, OFFICE))
                    .requestMatchers(HttpMethod.GET, "/api/phone/figures")
                    .hasAnyRole(roles(SUPERVISOR, ADMIN, AUDITOR))
                    .requestMatchers(HttpMethod.GET, "/api/phone/agents")
                    .hasAnyRole(roles(SUPERVISOR, MANAGER, ADMIN, AUDITOR))
                    .requestMatchers("/api/phone/**")
                    .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR))
                    // the requester page: auditors read; merging duplicates is for level 2 and up
                    .requestMatchers(HttpMethod.GET, "/api/contacts/**")
                    .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR, AUDITOR))
                    .requestMatchers(HttpMethod.POST, "/api/contacts/*/merges")
                    .hasAnyRole(roles(LEVEL2, LEVEL3, SUPERVISOR))
                    .requestMatchers("/api/contacts/**")
                    .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR))
                    .requestMatchers(
                        HttpMethod.GET, "/api/reports/kb-gaps", "/api/reports/kb-weak-articles")
                    .hasAnyRole(roles(SUPERVISOR, MANAGER, ADMIN, AUDITOR, KB_EDITOR, KB_REVIEWER))
                    .requestMatchers(HttpMethod.POST, "/api/reports/deliveries/*/runs")
                    .hasAnyRole(roles(MANAGER, SUPERVISOR))
                    .requestMatchers(HttpMethod.GET, "/api/reports/**")
                    .hasAnyRole(roles(SUPERVISOR, MANAGER, ADMIN, AUDITOR))
                    .requestMatchers(HttpMethod.GET, "/api/procedures")
                    .hasAnyRole(roles(ANALYST, SUPERVISOR, ADMIN))
                    .requestMatchers("/api/supervisor/**", "/api/mail/**")
                    .hasAnyRole(roles(SUPERVISOR, ADMIN))
                    .requestMatchers("/api/tasks/**", "/api/inbox/**")
                    .hasAnyRole(
                        roles(
                            LEVEL1,
                            LEVEL2,
                            LEVEL3,
                            SUPERVISOR,
                            OFFICE,
                            SECRETARIAT,
                            HEAD_OFFICE,
                            MANAGER,
                            KB_EDITOR,
                            KB_REVIEWER))
                    .requestMatchers(HttpMethod.POST, "/api/correspondence")
                    .hasAnyRole(roles(SECRETARIAT, LEVEL1, LEVEL2, OFFICE, HEAD_OFFICE, MANAGER))
                    .requestMatchers(HttpMethod.POST, "/api/correspondence/*/documents")
                    .hasAnyRole(roles(SECRETARIAT, OFFICE, HEAD_OFFICE, MANAGER))
                    .requestMatchers(
                        HttpMethod.GET, "/api/correspondence", "/api/correspondence/**")
                    .hasAnyRole(
                        roles(
                            SECRETARIAT,
                            OFFICE,
                            HEAD_OFFICE,
                            MANAGER,
                            SUPERVISOR,
                            AUDITOR,
                            LEVEL1,
                            LEVEL2))
                    .requestMatchers(HttpMethod.POST, "/api/complaints")
                    .hasAnyRole(
                        roles(
                            API_CLIENT,
                            SECRETARIAT,
                            LEVEL1,
                            LEVEL2,
                            OFFICE,
                            HEAD_OFFICE,
                            MANAGER,
                            SUPERVISOR))
                    .requestMatchers(HttpMethod.POST, "/api/complaints/*/supplier-reply")
                    .hasAnyRole(roles(API_CLIENT, SECRETARIAT, HEAD_OFFICE))
                    .requestMatchers(HttpMethod.POST, "/api/complaints/*/documents")
                    .hasAnyRole(roles(SECRETARIAT, OFFICE, HEAD_OFFICE, MANAGER))
                    .requestMatchers(HttpMethod.GET, "/api/complaints", "/api/complaints/**")
                    .hasAnyRole(
                        roles(SECRETARIAT, OFFICE, HEAD_OFFICE, MANAGER, SUPERVISOR, AUDITOR))
                    // the notice board: everybody reads the current notices; the communication
                    // office and supervisors write, publish and withdraw them
                    .requestMatchers(HttpMethod.GET, "/api/public/notices")
                    .permitAll()
                    .requestMatchers("/api/notices", "/api/notices/**")
                    .hasAnyRole(roles(COMMUNICATIONS, SUPERVISOR))
                    // the knowledge base: citizens search and read the public articles without
                    // login
                    .requestMatchers(HttpMethod.GET, "/api/public/kb/**")
                    .permitAll()
                    // ... and say whether an article helped (validated, rate-limited)
                    .requestMatchers(HttpMethod.POST, "/api/public/kb/articles/*/feedback")
                    .permitAll()
                    // citizens' requests from the public web form, without login: a challenge,
                    // the request, its attachments and tracking by private token, deflections
                    // (validated, rate-limited per address)
                    .requestMatchers(HttpMethod.GET, "/api/public/requests/*")
                    .permitAll()
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/public/requests",
                        "/api/public/requests/deflections",
                        "/api/public/requests/*/documents")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/kb/articles/*/feedback")
                    .hasAnyRole(
                        roles(
                            LEVEL1,
                            LEVEL2,
                            LEVEL3,
                            SUPERVISOR,
                            OFFICE,
                            SECRETARIAT,
                            HEAD_OFFICE,
                            MANAGER,
                            KB_EDITOR,
                            KB_REVIEWER,
                            ADMIN))
                    .requestMatchers(HttpMethod.GET, "/api/kb/search", "/api/kb/articles/*")
                    .hasAnyRole(
                        roles(
                            LEVEL1,
                            LEVEL2,
                            LEVEL3,
                            SUPERVISOR,
                            OFFICE,
                            SECRETARIAT,
                            HEAD_OFFICE,
                            MANAGER,
                            KB_EDITOR,
                            KB_REVIEWER,
                            ADMIN))
                    // the knowledge base beside the ticket: suggestions, and articles used to
                    // answer it (read by the staff who may read the ticket)
                    .requestMatchers(HttpMethod.GET, "/api/kb/suggestions")
                    .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR, OFFICE))
                    .requestMatchers(HttpMethod.POST, "/api/kb/articles/*/uses")
                    .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR, OFFICE))
                    .requestMatchers("/api/kb/import")
                    .hasAnyRole(roles(KB_EDITOR, ADMIN))
                    .requestMatchers("/api/kb/index/**")
                    .hasAnyRole(roles(KB_REVIEWER, SUPERVISOR, ADMIN))
                    .requestMatchers(HttpMethod.POST, "/api/kb/subscriptions/**")
                    .authenticated()
                    .requestMatchers(HttpMethod.GET, "/api/kb/categories")
                    .authenticated()
                    .requestMatchers("/api/kb/**")
                    .hasAnyRole(roles(KB_EDITOR, KB_REVIEWER, ADMIN))
                    // canned replies: rendered for a ticket by the staff who answer tickets;
                    // managed (own; shared: supervisors, KB editors, admins) by them too
                    .requestMatchers(HttpMethod.POST, "/api/canned-replies/*/render")
                    .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR))
                    .requestMatchers("/api/canned-replies", "/api/canned-replies/**")
                    .hasAnyRole(roles(LEVEL1, LEVEL2, LEVEL3, SUPERVISOR, KB_EDITOR, ADMIN))
                    // the audit trail: the data protection officer and the auditor; administrators
                    // verify its chain (they receive the alert when it breaks)
                    .requestMatchers(HttpMethod.GET, "/api/audit/verify")
                    .hasAnyRole(roles(DPO, AUDITOR, ADMIN))
                    .requestMatchers(HttpMethod.GET, "/api/audit", "/api/audit/**")
                    .hasAnyRole(roles(DPO, AUDITOR))
                    .requestMatchers("/actuator/**")
                    .hasAnyRole(roles(ADMIN, SUPERVISOR))
                    // each user reads only their own notifications and their groups'
                    .requestMatchers("/api/notifications/**")
                    .authenticated()
                    // who is on a ticket: the workers who open tasks
                    .requestMatchers("/api/presence/**")
                    .hasAnyRole(
                        roles(
                            LEVEL1,
                            LEVEL2,
                            LEVEL3,
                            SUPERVISOR,
                            OFFICE,
                            SECRETARIAT,
                            HEAD_OFFICE,
                            MANAGER,
                            KB_EDITOR,
                            KB_REVIEWER))
                    .anyRequest()
                    .authenticated())
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
    return Stream.of(roles).map(Role::name).toArray(String[]::new);
  }
}
