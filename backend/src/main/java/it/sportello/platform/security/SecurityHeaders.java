package it.sportello.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The browser-facing headers besides Spring Security's defaults (nosniff, {@code X-Frame-Options:
 * DENY}, no caching, HSTS on HTTPS requests):
 *
 * <ul>
 *   <li>the web application's CSP: scripts only from our origin (the built application has no
 *       inline script), no plugins, no framing, forms and connections to our origin only; inline
 *       styles stay allowed (React's and the design system's style attributes);
 *   <li>the API's CSP: nothing may load or run, in a sandbox (a JSON or file answer opened as a
 *       page stays inert);
 *   <li>{@code Referrer-Policy: strict-origin-when-cross-origin}, {@code Permissions-Policy}
 *       without camera, microphone, geolocation, payment, USB.
 * </ul>
 *
 * Camunda's webapps ({@code /camunda/**}) keep the CSP of Camunda's own header filter: a second
 * policy would be enforced on top of theirs and break them.
 */
public final class SecurityHeaders {

  static final String APPLICATION_CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self';"
          + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";
  static final String PERMISSIONS_POLICY =
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

  private static final RequestMatcher CAMUNDA = new AntPathRequestMatcher("/camunda/**");
  private static final RequestMatcher API =
      new OrRequestMatcher(
          new AntPathRequestMatcher("/api/**"),
          new AntPathRequestMatcher("/engine-rest/**"),
          new AntPathRequestMatcher("/actuator/**"),
          new AntPathRequestMatcher("/v3/api-docs/**"));
  private static final RequestMatcher APPLICATION =
      new NegatedRequestMatcher(new OrRequestMatcher(CAMUNDA, API));

  private SecurityHeaders() {}

  public static void configure(HeadersConfigurer<HttpSecurity> headers) {
    headers
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
        .addHeaderWriter(
            new DelegatingRequestMatcherHeaderWriter(
                APPLICATION, new StaticHeadersWriter("Content-Security-Policy", APPLICATION_CSP)))
        .addHeaderWriter(
            new DelegatingRequestMatcherHeaderWriter(
                API, new StaticHeadersWriter("Content-Security-Policy", API_CSP)));
  }
}
