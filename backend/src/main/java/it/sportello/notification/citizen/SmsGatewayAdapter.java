package it.sportello.notification.citizen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.sportello.notification.CitizenMessagePort;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.stereotype.Component;

/**
 * SMS through a configurable HTTP gateway: {@code POST <url>} with JSON {@code {to, from, text,
 * reference}} (the reference is the outbox's dedup key, for gateways that drop duplicates) and a
 * bearer token; any 2xx is delivered. The text is the subject and the message without Markdown,
 * shortened to 459 characters (three SMS).
 */
@Component
class SmsGatewayAdapter implements CitizenMessagePort {

  static final String CHANNEL = "SMS";
  private static final int MAX_TEXT = 459;

  private final CitizenChannelsProperties properties;
  private final ObjectMapper json;
  private final HttpClient http;

  SmsGatewayAdapter(CitizenChannelsProperties properties, ObjectMapper json) {
    this.properties = properties;
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public boolean enabled() {
    return properties.sms().enabled()
        && properties.sms().url() != null
        && !properties.sms().url().toString().isBlank();
  }

  @Override
  public void send(Message message) {
    ObjectNode body = json.createObjectNode();
    body.put("to", message.recipient());
    if (properties.sms().sender() != null) {
      body.put("from", properties.sms().sender());
    }
    String text = message.subject() + "\n" + Texts.plain(message.markdown());
    body.put("text", text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text);
    body.put("reference", message.dedupKey());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(properties.sms().url())
            .timeout(properties.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    String token = properties.sms().token();
    if (token != null && !token.isBlank()) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DeliveryFailed("SMS gateway not reachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailed("Interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new DeliveryFailed(
          "SMS gateway answered "
              + response.statusCode()
              + ": "
              + Texts.shortened(response.body()));
    }
  }
}
