package it.sportello.citizen.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.citizen.CitizenClaims;
import it.sportello.citizen.CitizenOidcProperties;
import it.sportello.citizen.CitizenOidcUserService;
import it.sportello.citizen.CitizenUser;
import it.sportello.platform.security.CsrfCookieFilter;
import it.sportello.platform.security.ProblemSecurityHandlers;
import it.sportello.platform.security.SecurityConfiguration;
import it.sportello.platform.security.SecurityHeaders;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * The citizens' door, separate from the staff's: {@code /api/citizen/**} and the OIDC round trip
 * under {@code /citizen/**}, with the SPID/CIE relying party of {@link CitizenOidcProperties}.
 *
 * <p>The citizen's login is kept in the session under its own attribute ({@value #CONTEXT_KEY}):
 * the staff's chain never sees it, so a citizen's session is anonymous on every staff endpoint and
 * on {@code /engine-rest}; and the only authority a citizen has is {@code ROLE_CITIZEN}. The
 * registration is not a bean: the staff's OIDC login (which takes the application's {@code
 * ClientRegistrationRepository}) never offers it. Logout ({@code POST /citizen/logout}) ends the
 * session here and, through the provider's end-session endpoint, the provider's.
 */
@Configuration(proxyBeanMethods = false)
class CitizenSecurityConfiguration {

  static final String CONTEXT_KEY = "SPORTELLO_CITIZEN_SECURITY_CONTEXT";
  static final String AREA = "/self-service/area";
  static final String AUTHORIZATION_BASE = "/citizen/oauth2/authorization";
  static final String LOGOUT = "/citizen/logout";

  @Bean
  @Order(1)
  SecurityFilterChain citizenSecurityFilterChain(
      HttpSecurity http, ObjectMapper objectMapper, CitizenOidcProperties properties)
      throws Exception {
    ProblemSecurityHandlers problems = new ProblemSecurityHandlers(objectMapper, false);
    HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    contexts.setSpringSecurityContextKey(CONTEXT_KEY);
    http.securityMatcher("/api/citizen/**", "/citizen/**")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(HttpMethod.GET, "/api/citizen/session")
                    .permitAll()
                    .requestMatchers("/citizen/oauth2/**", "/citizen/login/**", LOGOUT)
                    .permitAll()
                    // the demo's identity provider (default profile only; absent: 404)
                    .requestMatchers("/citizen/demo-idp/**")
                    .permitAll()
                    .anyRequest()
                    .hasRole(CitizenUser.ROLE))
        .securityContext(context -> context.securityContextRepository(contexts))
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .headers(SecurityHeaders::configure)
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(SecurityConfiguration.csrfCookie())
                    .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                    // the demo provider's token endpoint is called by this server, not a browser
                    .ignoringRequestMatchers("/citizen/demo-idp/token"))
        .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class);
    LogoutSuccessHandler afterLogout = areaAfterLogout();
    if (properties.configured()) {
      InMemoryClientRegistrationRepository registrations =
          new InMemoryClientRegistrationRepository(registration(properties));
      OidcClientInitiatedLogoutSuccessHandler providerLogout =
          new OidcClientInitiatedLogoutSuccessHandler(registrations);
      providerLogout.setPostLogoutRedirectUri(properties.postLogoutRedirectUri());
      providerLogout.setDefaultTargetUrl(AREA);
      afterLogout = providerLogout;
      http.oauth2Login(
          login ->
              login
                  .clientRegistrationRepository(registrations)
                  .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                  .authorizationEndpoint(endpoint -> endpoint.baseUri(AUTHORIZATION_BASE))
                  .redirectionEndpoint(endpoint -> endpoint.baseUri("/citizen/login/oauth2/code/*"))
                  .loginPage(AREA)
                  .defaultSuccessUrl(AREA, true)
                  .failureUrl(AREA + "?error=login")
                  .userInfoEndpoint(
                      userInfo ->
                          userInfo.oidcUserService(
                              new CitizenOidcUserService(new CitizenClaims(properties.claims())))));
    }
    LogoutSuccessHandler logoutSuccess = afterLogout;
    http.logout(
        logout ->
            logout
                .logoutRequestMatcher(new AntPathRequestMatcher(LOGOUT, "POST"))
                .logoutSuccessHandler(logoutSuccess));
    return http.build();
  }

  private static LogoutSuccessHandler areaAfterLogout() {
    SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
    handler.setDefaultTargetUrl(AREA);
    return handler;
  }

  static ClientRegistration registration(CitizenOidcProperties properties) {
    boolean discover =
        properties.issuer() != null
            && (properties.authorizationUri() == null
                || properties.tokenUri() == null
                || properties.jwkSetUri() == null);
    ClientRegistration.Builder builder =
        discover
            ? ClientRegistrations.fromIssuerLocation(properties.issuer().toString())
                .registrationId(properties.registrationId())
            : ClientRegistration.withRegistrationId(properties.registrationId())
                .authorizationUri(properties.authorizationUri().toString())
                .tokenUri(properties.tokenUri().toString())
                .jwkSetUri(properties.jwkSetUri().toString())
                .userNameAttributeName("sub");
    if (!discover && properties.issuer() != null) {
      builder.issuerUri(properties.issuer().toString());
    }
    if (properties.endSessionUri() != null) {
      builder.providerConfigurationMetadata(
          Map.of("end_session_endpoint", properties.endSessionUri().toString()));
    }
    return builder
        .clientId(properties.clientId())
        .clientSecret(properties.clientSecret())
        .clientName(properties.clientName())
        .scope(properties.scopes())
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("{baseUrl}/citizen/login/oauth2/code/{registrationId}")
        .build();
  }
}
