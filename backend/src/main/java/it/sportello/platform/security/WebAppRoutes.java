package it.sportello.platform.security;

import java.util.stream.Stream;

/** The paths of the single-page web application: its shell, assets and client-side routes. */
public final class WebAppRoutes {

  /** Client-side routes: the server answers them with {@code index.html}. */
  public static final String[] CLIENT_ROUTES = {
    "/login",
    "/inbox/**",
    "/tasks/**",
    "/tickets/**",
    "/supervisor/**",
    "/service-levels/**",
    "/activity/**",
    "/procedures/**",
    "/no-workspace",
    "/correspondence/**",
    "/complaints/**",
    "/kb/**",
    "/self-service/**",
    "/canned-replies/**",
    "/studio/**",
    "/surveys/**",
    "/chats"
  };

  /** Everything of the web application that anyone may load (its data need a login). */
  static final String[] PATTERNS =
      Stream.concat(
              Stream.of("/", "/index.html", "/assets/**", "/favicon.svg"), Stream.of(CLIENT_ROUTES))
          .toArray(String[]::new);

  private WebAppRoutes() {}
}
