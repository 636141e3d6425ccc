package it.sportello;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A small OIDC identity provider for the integration tests, in the test JVM: a token endpoint that
 * answers any code with an ID token for {@value #USER} (groups level1, general) whose nonce is the
 * code itself, and the key endpoint that verifies it. The authorization endpoint is never called:
 * the test plays the browser and comes back with the nonce as code.
 *
 * <p>A second realm, {@code cittadini}, plays a SPID/CIE gateway for the citizens' login: a test
 * asks {@link #citizenCode} for a code that the token endpoint exchanges for an ID token with the
 * claims the test chose (fiscal number, names, {@code acr}, ...) and the login's nonce; its
 * authorization endpoint sends a browser straight back with a code for {@link #browserCitizen}.
 */
public final class TestIdentityProvider {

  public static final String CLIENT_ID = "sportello-web";
  public static final String USER = "giulia.verdi";
  public static final String CITIZEN_CLIENT_ID = "sportello-cittadini";

  private static final java.util.Map<String, java.util.Map<String, Object>> CITIZEN_CODES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Who the authorization endpoint logs in (a browser test sets it before the login). */
  private static volatile java.util.Map<String, Object> browserCitizen = java.util.Map.of();

  private static final KeyPair KEYS = rsaKeys();
  private static final HttpServer SERVER = start();

  private TestIdentityProvider() {}

  public static String issuer() {
    return "http://localhost:" + SERVER.getAddress().getPort() + "/realms/ente";
  }

  /** The web application's client registration "ente" pointing at this provider. */
  static void register(DynamicPropertyRegistry registry) {
    String registration = "spring.security.oauth2.client.registration.ente.";
    String provider = "spring.security.oauth2.client.provider.ente.";
    registry.add(registration + "client-id", () -> CLIENT_ID);
    registry.add(registration + "client-secret", () -> "secret");
    registry.add(registration + "client-name", () -> "Identità dell'ente");
    registry.add(registration + "scope", () -> "openid,profile");
    registry.add(registration + "authorization-grant-type", () -> "authorization_code");
    registry.add(
        registration + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
    registry.add(provider + "authorization-uri", () -> issuer() + "/auth");
    registry.add(provider + "token-uri", () -> issuer() + "/token");
    registry.add(provider + "jwk-set-uri", () -> issuer() + "/certs");
    registry.add(provider + "user-name-attribute", () -> "preferred_username");
    registerCitizens(registry);
  }

  public static String citizenIssuer() {
    return "http://localhost:" + SERVER.getAddress().getPort() + "/realms/cittadini";
  }

  /**
   * A one-time code the citizens' token endpoint exchanges for an ID token with these claims and
   * the login's nonce (read from the authorization request the application sent the browser to).
   */
  public static String citizenCode(String nonce, java.util.Map<String, Object> claims) {
    String code = java.util.UUID.randomUUID().toString();
    java.util.Map<String, Object> all = new java.util.HashMap<>(claims);
    all.put("nonce", nonce);
    CITIZEN_CODES.put(code, all);
    return code;
  }

  /** The citizen the authorization endpoint logs in next (browser tests). */
  public static void browserCitizen(java.util.Map<String, Object> claims) {
    browserCitizen = java.util.Map.copyOf(claims);
  }

  private static void registerCitizens(DynamicPropertyRegistry registry) {
    String oidc = "sportello.citizen.oidc.";
    registry.add(oidc + "client-id", () -> CITIZEN_CLIENT_ID);
    registry.add(oidc + "client-secret", () -> "secret");
    registry.add(oidc + "issuer", TestIdentityProvider::citizenIssuer);
    registry.add(oidc + "authorization-uri", () -> citizenIssuer() + "/auth");
    registry.add(oidc + "token-uri", () -> citizenIssuer() + "/token");
    registry.add(oidc + "jwk-set-uri", () -> citizenIssuer() + "/certs");
    registry.add(oidc + "end-session-uri", () -> citizenIssuer() + "/logout");
    // the tests' provider, not the demo's
    registry.add("sportello.citizen.demo-idp.enabled", () -> "false");
  }

  private static void citizenAuthorize(HttpExchange exchange) throws IOException {
    java.util.Map<String, String> query = new java.util.HashMap<>();
    for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    String code = citizenCode(query.get("nonce"), browserCitizen);
    String back =
        query.get("redirect_uri")
            + "?code="
            + code
            + "&state="
            + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Location", back);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private static void citizenToken(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String code =
        Arrays.stream(body.split("&"))
            .filter(pair -> pair.startsWith("code="))
            .map(pair -> URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8))
            .findFirst()
            .orElseThrow();
    java.util.Map<String, Object> claims = CITIZEN_CODES.remove(code);
    if (claims == null) {
      byte[] error = "{\"error\":\"invalid_grant\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(400, error.length);
      exchange.getResponseBody().write(error);
      exchange.close();
      return;
    }
    try {
      JWTClaimsSet.Builder builder =
          new JWTClaimsSet.Builder()
              .issuer(citizenIssuer())
              .subject("spid-" + claims.hashCode())
              .audience(CITIZEN_CLIENT_ID)
              .issueTime(new Date())
              .expirationTime(Date.from(Instant.now().plusSeconds(300)));
      claims.forEach(builder::claim);
      SignedJWT idToken =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), builder.build());
      idToken.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
      reply(
          exchange,
          """
          {"access_token":"opaque","token_type":"Bearer","expires_in":300,"scope":"openid profile",\
          "id_token":"%s"}"""
              .formatted(idToken.serialize()));
    } catch (JOSEException e) {
      throw new IOException(e);
    }
  }

  private static HttpServer start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
      server.createContext("/realms/ente/certs", exchange -> reply(exchange, jwks()));
      server.createContext("/realms/ente/token", TestIdentityProvider::token);
      server.createContext("/realms/cittadini/certs", exchange -> reply(exchange, jwks()));
      server.createContext("/realms/cittadini/token", TestIdentityProvider::citizenToken);
      server.createContext("/realms/cittadini/auth", TestIdentityProvider::citizenAuthorize);
      server.setExecutor(null);
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void token(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String code =
        Arrays.stream(body.split("&"))
            .filter(pair -> pair.startsWith("code="))
            .map(pair -> URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8))
            .findFirst()
            .orElseThrow();
    try {
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder()
              .issuer(issuer())
              .subject("f3a1c2e0-0001")
              .audience(CLIENT_ID)
              .claim("nonce", code)
              .claim("preferred_username", USER)
              .claim("groups", List.of("level1", "general"))
              .issueTime(new Date())
              .expirationTime(Date.from(Instant.now().plusSeconds(300)))
              .build();
      SignedJWT idToken =
          new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
      idToken.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
      reply(
          exchange,
          """
          {"access_token":"opaque","token_type":"Bearer","expires_in":300,"scope":"openid profile",\
          "id_token":"%s"}"""
              .formatted(idToken.serialize()));
    } catch (JOSEException e) {
      throw new IOException(e);
    }
  }

  private static String jwks() {
    return new JWKSet(new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).keyID("test").build())
        .toString();
  }

  private static void reply(HttpExchange exchange, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static KeyPair rsaKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
