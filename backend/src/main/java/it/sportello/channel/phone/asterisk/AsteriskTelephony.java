package it.sportello.channel.phone.asterisk;

import it.sportello.channel.phone.PhoneProperties;
import it.sportello.channel.phone.TelephonyPort;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The telephony port on Asterisk's REST interface: originate is {@code POST /ari/channels} calling
 * the requester and, once answered, connecting the agent's extension in the agents' context. The
 * attempt's reference is the channel id, so that a retried job does not place a second call
 * (Asterisk refuses a channel id in use).
 */
public class AsteriskTelephony implements TelephonyPort {

  private final PhoneProperties.Asterisk properties;
  private final HttpClient http;

  public AsteriskTelephony(PhoneProperties.Asterisk properties) {
    this.properties = properties;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Override
  public OriginateResult originate(OriginateRequest request) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("endpoint", properties.endpoint().replace("{number}", request.number()));
    query.put("extension", request.agent());
    query.put("context", properties.context());
    query.put("priority", "1");
    query.put("callerId", properties.callerId());
    query.put("timeout", "30");
    query.put("channelId", channelId(request.reference()));
    query.put("app", properties.app());
    String uri =
        properties.url().replaceAll("/+$", "")
            + "/ari/channels?"
            + query.entrySet().stream()
                .map(
                    e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    HttpRequest post =
        HttpRequest.newBuilder(URI.create(uri))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", basic())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    try {
      HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      if (status == 200) {
        return new OriginateResult(
            OriginateResult.Status.ORIGINATED, channelId(request.reference()), null);
      }
      if (status == 409) {
        // placed already by the first try of this job
        return new OriginateResult(
            OriginateResult.Status.ORIGINATED, channelId(request.reference()), "already placed");
      }
      if (status >= 500) {
        // the job is retried
        throw new IllegalStateException("Asterisk answered " + status + ": " + response.body());
      }
      return new OriginateResult(
          OriginateResult.Status.FAILED,
          null,
          "Asterisk answered " + status + ": " + response.body());
    } catch (IOException e) {
      throw new IllegalStateException("Asterisk is not reachable at " + properties.url(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling Asterisk", e);
    }
  }

  @Override
  public String name() {
    return "asterisk";
  }

  private String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (properties.user() + ":" + properties.password()).getBytes(StandardCharsets.UTF_8));
  }

  private static String channelId(String reference) {
    return "sportello-" + reference.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
