package it.sportello.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.TestIdentityProvider;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The web application's OIDC login against the tests' identity provider ({@link
 * TestIdentityProvider}): the browser's round trip ends with a session whose user and groups come
 * from the ID token.
 */
class OidcLoginIT extends IntegrationTest {

  private final HttpClient browser =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void theLoginPageOffersTheProviderAndTheRoundTripLogsTheUserInWithTheTokensGroups()
      throws Exception {
    JsonNode providers = get("/api/session/providers", null).getBody();
    assertThat(providers.findValuesAsText("id")).containsExactly("ente");
    assertThat(providers.get(0).get("name").asText()).isEqualTo("Identità dell'ente");
    String loginUrl = providers.get(0).get("loginUrl").asText();

    // the browser is sent to the provider with a state and a nonce bound to its session
    HttpResponse<String> toProvider = send(loginUrl, null);
    assertThat(toProvider.statusCode()).isEqualTo(302);
    URI authorize = URI.create(toProvider.headers().firstValue("Location").orElseThrow());
    assertThat(authorize.toString()).startsWith(TestIdentityProvider.issuer() + "/auth?");
    Map<String, String> query = query(authorize);
    assertThat(query)
        .containsEntry("client_id", TestIdentityProvider.CLIENT_ID)
        .containsEntry("response_type", "code");
    String session = cookie(toProvider);

    // the provider sends it back with a code (here: the nonce, which the token endpoint signs)
    HttpResponse<String> back =
        send(
            "/login/oauth2/code/ente?code=" + query.get("nonce") + "&state=" + query.get("state"),
            session);
    assertThat(back.statusCode()).isEqualTo(302);
    assertThat(back.headers().firstValue("Location").orElseThrow())
        .endsWith("/")
        .doesNotContain("error");

    HttpResponse<String> me = send("/api/me", cookie(back));
    assertThat(me.statusCode()).isEqualTo(200);
    JsonNode user = json.readTree(me.body());
    assertThat(user.get("userId").asText()).isEqualTo(TestIdentityProvider.USER);
    assertThat(user.get("groups")).extracting(JsonNode::asText).contains("level1", "general");
    assertThat(user.get("roles")).extracting(JsonNode::asText).containsExactly("LEVEL1");

    // and works like any session: the inbox answers
    assertThat(send("/api/inbox", cookie(back)).statusCode()).isEqualTo(200);
  }

  @Test
  void aForgedCodeEndsOnTheLoginPageWithAnError() throws Exception {
    HttpResponse<String> toProvider = send("/oauth2/authorization/ente", null);
    Map<String, String> query =
        query(URI.create(toProvider.headers().firstValue("Location").orElseThrow()));

    HttpResponse<String> back =
        send(
            "/login/oauth2/code/ente?code=not-the-nonce&state=" + query.get("state"),
            cookie(toProvider));

    assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/login?error=oidc");
    assertThat(send("/api/me", cookie(toProvider)).statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> send(String path, String cookie)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(rest.getRootUri() + path));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String cookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(header -> header.startsWith("JSESSIONID="))
        .map(header -> header.substring(0, header.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
  }

  private static Map<String, String> query(URI uri) {
    return Arrays.stream(uri.getRawQuery().split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(
            Collectors.toMap(
                pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
  }
}
